"""The claims of docs/onnx-export*.md, asserted on the example's exports and onnxruntime runs."""

import inspect
import itertools
import math
import re
import warnings
from pathlib import Path

import numpy as np
import onnx
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

pytest.importorskip("onnxruntime", reason="onnxruntime is not installed")
pytest.importorskip("onnxscript", reason="onnxscript is not installed (the default exporter needs it)")

from helpers import ROOT, assert_pages_say, docstring_of, printed_by, run_example  # noqa: E402

DEFAULT, LEGACY = "dynamo=True (default)", "dynamo=False (legacy)"
MATCH = 1e-5


@pytest.fixture(scope="module")
def ns():
    return run_example("onnx_export.py")


def upsample(mode, align=None):
    suffix = "" if align is None else f", align_corners={align}"
    return f"nn.Upsample(scale_factor=2, mode='{mode}'{suffix})"


def aa(mode, how, shape="6x7"):
    argument = "scale_factor=0.5" if how == "scale" else "size=(3, 3)"
    return f"F.interpolate({argument}, mode='{mode}', antialias=True) on {shape}"


def export_with_dynamic_height_and_width(module: nn.Module, tmp_path, dynamo: bool):
    """``module`` exported with height and width left dynamic, as an onnxruntime CPU session."""
    return export_with_dynamic_height_and_width_on(module, tmp_path, (6, 7), dynamo)


def export_with_dynamic_height_and_width_on(module: nn.Module, tmp_path, size, dynamo: bool = True):
    """``module`` exported on a 1x2xSIZE input with height and width left dynamic, as an onnxruntime CPU session."""
    import onnxruntime

    shapes = (
        {"dynamic_shapes": ({2: torch.export.Dim("h"), 3: torch.export.Dim("w")},)}
        if dynamo
        else {"dynamic_axes": {"x": {2: "h", 3: "w"}}}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module, (torch.rand(1, 2, *size),), tmp_path / "m.onnx", dynamo=dynamo, input_names=["x"], **shapes
        )
    return onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])


def test_default_exporter_is_dynamo_and_legacy_is_deprecated():
    assert inspect.signature(torch.onnx.export).parameters["dynamo"].default is True
    assert "torch.export" in torch.onnx.export.__doc__


def test_default_exporter_is_built_on_onnxscript():
    from torch.onnx._internal.exporter import _core

    source = inspect.getsource(_core)
    assert "import onnxscript" in source or "from onnxscript" in source


def test_legacy_exporter_warns_that_it_is_deprecated(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        torch.onnx.export(nn.Upsample(scale_factor=2), (torch.rand(1, 1, 2, 2),), tmp_path / "m.onnx", dynamo=False)
    assert any("legacy" in str(w.message).lower() for w in caught)


def test_models_were_written_to_a_deleted_temporary_folder(ns):
    folder = Path(ns["folder"]).resolve()
    assert not folder.exists()
    assert ROOT.resolve() not in folder.parents


def test_default_exporter_is_much_slower_than_legacy(ns):
    # "many times the CPU time", although the legacy run also re-exports its failing layers one by one.
    # Both are timed after a warm-up export. Without it the one-off setup in each first call decided
    # the ratio, and what ran earlier in the process changed it (1.8 s against 0.9 s under make test).
    # CPU time, not the clock: on a loaded machine (make test beside seven other sessions) the clock
    # gave 5.6 s against 2.2 s, CPU time 1.7 s against 0.16 s.
    assert ns["seconds"][DEFAULT] > 3 * ns["seconds"][LEGACY]


def test_every_layer_exports_and_matches_with_the_default_exporter(ns):
    for label, row in ns["results"][DEFAULT].items():
        assert row["error"] is None, label
        if label.startswith("nn.Upsample(scale_factor=2,"):
            assert row["difference"] < MATCH, label


def test_default_exporter_attributes(ns):
    rows = ns["results"][DEFAULT]
    nearest = rows[upsample("nearest")]["attributes"]
    assert (nearest["mode"], nearest["coordinate_transformation_mode"], nearest["nearest_mode"]) == (
        "nearest",
        "asymmetric",
        "floor",
    )
    for mode, onnx_mode in (("bilinear", "linear"), ("bicubic", "cubic"), ("trilinear", "linear")):
        for align, transform in ((False, "half_pixel"), (True, "align_corners")):
            attributes = rows[upsample(mode, align)]["attributes"]
            assert attributes["mode"] == onnx_mode and attributes["coordinate_transformation_mode"] == transform
    assert rows[upsample("bicubic", False)]["attributes"]["cubic_coeff_a"] == pytest.approx(-0.75)
    for label in (upsample("nearest-exact"), upsample("linear", False), upsample("linear", True), upsample("area")):
        assert "`Resize`" not in rows[label]["ops"] and rows[label]["attributes"] == {}, label


def test_antialias_export(ns):
    rows = ns["results"][DEFAULT]
    for mode in ("bilinear", "bicubic"):
        for how in ("scale", "size"):
            assert rows[aa(mode, how)]["attributes"]["antialias"] == 1
        assert rows[aa(mode, "size")]["difference"] < MATCH
        assert rows[aa(mode, "scale")]["difference"] > 1e-2
    assert rows[aa("bicubic", "scale")]["attributes"]["cubic_coeff_a"] == pytest.approx(-0.5)
    assert rows[aa("bilinear", "scale", "6x8")]["difference"] < MATCH
    for label, row in rows.items():
        if "antialias=True" in label:
            assert row["attributes"]["antialias"] == 1 and row["attributes"]["exclude_outside"] == 1, label
    recompute = "F.interpolate(scale_factor=0.5, mode='bilinear', antialias=True, recompute_scale_factor=True) on 6x7"
    corners = "F.interpolate(size=(3, 3), mode='bilinear', antialias=True, align_corners=True) on 6x7"
    assert rows[recompute]["difference"] < MATCH
    assert rows[corners]["attributes"]["coordinate_transformation_mode"] == "align_corners"
    assert rows[corners]["difference"] > 1e-2


class _Lanczos(nn.Module):
    def forward(self, x):
        return F.interpolate(x, scale_factor=0.5, mode="lanczos", antialias=True)


@pytest.mark.parametrize("dynamo, error", [(True, "ConversionError"), (False, "UnsupportedOperatorError")])
def test_lanczos_does_not_export(dynamo, error):
    # Review 14: "antialias=True is exported as Resize" holds for bilinear and bicubic only; lanczos
    # (antialias only, CPU only) has no translation in either exporter.
    import io

    x = torch.rand(1, 1, 8, 8)
    assert F.interpolate(x, scale_factor=0.5, mode="lanczos", antialias=True).shape[-2:] == (4, 4)  # eager runs
    with warnings.catch_warnings(), pytest.raises(Exception) as caught:
        warnings.simplefilter("ignore")
        torch.onnx.export(_Lanczos(), (x,), io.BytesIO(), dynamo=dynamo, verbose=False)
    assert type(caught.value).__name__ == error and "_upsample_lanczos2d_aa" in str(caught.value)


def test_scale_factor_mismatch_comes_from_sizes_without_scales(ns):
    rows = ns["results"][DEFAULT]
    scale, size = rows[aa("bilinear", "scale")], rows[aa("bilinear", "size")]
    assert scale["target"] == size["target"] == "`sizes` [1, 2, 3, 3]"
    # onnxruntime computes the same thing for both graphs; eager torch does not.
    np.testing.assert_allclose(scale["result"], size["result"], atol=MATCH)
    x = ns["inputs"]["x4"]
    by_scale = F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True)
    by_size = F.interpolate(x, size=(3, 3), mode="bilinear", antialias=True)
    assert (by_scale - by_size).abs().max() > 1e-2
    recomputed = F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True, recompute_scale_factor=True)
    torch.testing.assert_close(recomputed, by_size)


def test_antialias_needs_opset_18(ns):
    assert ns["resize_antialias"] == {11: False, 13: False, 18: True, 19: True}
    assert all(row["opset"] >= 18 for row in ns["results"][DEFAULT].values() if not row["error"])


def test_default_exporter_writes_opset_20_and_builds_at_18_below_it(ns):
    # The page: by default the file declares opset 20 (not 18); asked for less than 18, the
    # exporter builds at 18 and then tries to convert down.
    from torch.onnx import _constants
    from torch.onnx._internal.exporter import _constants as exporter_constants

    assert _constants.ONNX_DEFAULT_OPSET == 20 and exporter_constants.TORCHLIB_OPSET == 18
    assert {row["opset"] for row in ns["results"][DEFAULT].values()} == {20}
    assert ns["declared"]["bilinear, antialias=True", 17] == exporter_constants.TORCHLIB_OPSET


# The Resize settings that onnx-tensorrt's node checker and importer accept at commit 96e7811
# (onnxOpCheckers.cpp: DEFINE_OP_CHECKER(Resize); onnxOpImporters.cpp: mode "cubic" -> kCUBIC).
TENSORRT_ACCEPTS = {
    "mode": {"nearest", "linear", "cubic"},
    "coordinate_transformation_mode": {
        "half_pixel",
        "pytorch_half_pixel",
        "tf_half_pixel_for_nn",
        "asymmetric",
        "align_corners",
    },
    "nearest_mode": {"floor", "ceil", "round_prefer_floor", "round_prefer_ceil"},
    "keep_aspect_ratio_policy": {"stretch"},
    "antialias": {0},
}


def test_default_exporter_resize_settings_are_ones_the_tensorrt_parser_accepts(ns):
    rows = ns["results"][DEFAULT]
    plain = [label for label, row in rows.items() if row["attributes"] and "antialias=True" not in label]
    assert {rows[label]["attributes"]["mode"] for label in plain} == {"nearest", "linear", "cubic"}
    for label in plain:
        assert "axes" not in rows[label]["attributes"], label  # the table's iota-axes restriction
        for name, accepted in TENSORRT_ACCEPTS.items():
            assert rows[label]["attributes"].get(name, next(iter(accepted))) in accepted, (label, name)
    # Every antialiased layer carries antialias=1, which the checker rejects.
    assert all(row["attributes"]["antialias"] == 1 for label, row in rows.items() if "antialias=True" in label)


def test_nearest_at_41_onnx_repeats_and_torch_does_not(ns):
    for exporter in (DEFAULT, LEGACY):
        row = ns["results"][exporter]["nn.Upsample(scale_factor=41, mode='nearest') on 2x2"]
        assert row["attributes"]["nearest_mode"] == "floor"
        repeated = ns["inputs"]["x4_tiny"].repeat_interleave(41, 2).repeat_interleave(41, 3).numpy()
        np.testing.assert_array_equal(row["result"], repeated)
        assert row["differ"] == 163 and row["size"] == 82 * 82


def test_torch_nearest_is_not_exact_floor_at_some_whole_factors():
    # ONNX's rule floor(d / k), in integers, against torch's nearest on a 2-pixel row, k = 2..100.
    row = torch.arange(2.0).view(1, 1, 2)
    failing = [
        k
        for k in range(2, 101)
        if not torch.equal(
            F.interpolate(row, scale_factor=k, mode="nearest")[0, 0],
            torch.arange(2 * k).div(k, rounding_mode="floor").float(),
        )
    ]
    assert 41 in failing and 2 not in failing and len(failing) < 20


def test_legacy_exporter(ns):
    default, legacy = ns["results"][DEFAULT], ns["results"][LEGACY]
    for mode in ("nearest", "linear", "bilinear", "bicubic", "trilinear"):
        for align in (None,) if mode == "nearest" else (False, True):
            label = upsample(mode, align)
            assert legacy[label]["error"] is None and legacy[label]["difference"] < MATCH, label
            assert "`Resize`" in legacy[label]["ops"]
            shared = ("mode", "coordinate_transformation_mode", "nearest_mode", "cubic_coeff_a")
            if default[label]["attributes"]:
                assert all(legacy[label]["attributes"][a] == default[label]["attributes"][a] for a in shared), label
    assert legacy[upsample("linear", False)]["attributes"]["coordinate_transformation_mode"] == "half_pixel"
    failing = [upsample("nearest-exact"), upsample("area")] + [label for label in legacy if "antialias=True" in label]
    for label in failing:
        assert legacy[label]["error"], label
    for label in [upsample("nearest-exact")] + [label for label in legacy if "antialias=True" in label]:
        assert "not supported" in legacy[label]["error"], label
    assert "not constant" in legacy[upsample("area")]["error"]


def test_antialias_with_size_matches_at_other_sizes(tmp_path):
    # The page: antialias exported with `size` matches eager torch. Shrinking, enlarging, one axis each way.
    import onnxruntime

    cases = [
        ((6, 7), (11, 5), "bilinear"),
        ((6, 7), (11, 5), "bicubic"),
        ((6, 7), (13, 15), "bicubic"),
        ((9, 9), (4, 2), "bicubic"),
        ((64, 64), (17, 23), "bilinear"),
        ((5, 5), (5, 2), "bicubic"),
    ]

    class Layers(nn.Module):
        def forward(self, *xs):
            return tuple(
                F.interpolate(x, size=size, mode=mode, antialias=True) for x, (_, size, mode) in zip(xs, cases)
            )

    xs = tuple(torch.rand(1, 2, *shape) for shape, _, _ in cases)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(Layers(), xs, tmp_path / "m.onnx", dynamo=True, input_names=[f"x{i}" for i in range(len(xs))])
    session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])
    outputs = session.run(None, {f"x{i}": x.numpy() for i, x in enumerate(xs)})
    for (shape, size, mode), x, result in zip(cases, xs, outputs):
        eager = F.interpolate(x, size=size, mode=mode, antialias=True).numpy()
        assert np.abs(result - eager).max() < MATCH, (shape, size, mode)


def test_antialias_matches_except_cpu_one_pixel_wide_outputs():
    # The page: antialias with `size` matches, except torch's CPU bug on a float output one pixel
    # wide from an input whose height changes (6x7 -> 3x1); channels-last input escapes it.
    import onnxruntime

    def onnx_resize(x, size, mode):
        node = onnx.helper.make_node(
            "Resize",
            ["x", "", "", "sizes"],
            ["y"],
            mode=mode,
            antialias=1,
            exclude_outside=1,
            cubic_coeff_a=-0.5,
            coordinate_transformation_mode="half_pixel",
        )
        graph = onnx.helper.make_graph(
            [node],
            "resize",
            [onnx.helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, None)],
            [onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, None)],
            [onnx.helper.make_tensor("sizes", onnx.TensorProto.INT64, [4], [*x.shape[:2], *size])],
        )
        model = onnx.helper.make_model(graph, opset_imports=[onnx.helper.make_opsetid("", 18)])
        session = onnxruntime.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
        return session.run(None, {"x": x.numpy()})[0]

    generator = torch.Generator().manual_seed(0)
    tall, flat = torch.rand(1, 2, 6, 7, generator=generator), torch.rand(1, 2, 1, 7, generator=generator)
    for (mode, onnx_mode), (x, size) in itertools.product(
        (("bilinear", "linear"), ("bicubic", "cubic")),
        [(tall, s) for s in ((3, 1), (12, 1), (6, 1), (3, 2), (1, 3), (1, 1), (2, 1))] + [(flat, (3, 1))],
    ):
        expected = onnx_resize(x, size, onnx_mode)
        eager = F.interpolate(x, size=size, mode=mode, antialias=True).numpy()
        last = F.interpolate(
            x.contiguous(memory_format=torch.channels_last), size=size, mode=mode, antialias=True
        ).numpy()
        assert np.abs(last - expected).max() < MATCH, (mode, size)
        # Review 17: the bug needs both heights >= 2 (6x7 -> 1x1 and 1x7 -> 3x1 match)
        bug = size[1] == 1 and size[0] != x.shape[-2] and min(size[0], x.shape[-2]) >= 2
        assert (np.abs(eager - expected).max() > 1e-2) == bug, (mode, tuple(x.shape[-2:]), size)
        # a batch of one from an HWC array is channels_last too, yet keeps the bug
        view = x[0].permute(1, 2, 0).contiguous().permute(2, 0, 1)[None]
        assert view.is_contiguous(memory_format=torch.channels_last)
        viewed = F.interpolate(view, size=size, mode=mode, antialias=True).numpy()
        assert (np.abs(viewed - expected).max() > 1e-2) == bug, (mode, tuple(x.shape[-2:]), size)


# Dynamic shapes.

DYNAMIC_SCALE_LABELS = (
    "scale_factor=2, nearest",
    "scale_factor=2, bilinear",
    "scale_factor=0.5, bilinear",
    "scale_factor=1.7, bicubic",
)
AA_SCALE = "scale_factor=0.5, bilinear, antialias=True"
AA_SHAPE = "size=(x.shape[-2] // 2, x.shape[-1] // 2), bilinear, antialias=True"


def test_static_export_bakes_a_size_computed_from_the_shape(ns):
    label = "F.interpolate(size=(2 * x.shape[-2], 2 * x.shape[-1]), mode='bilinear')"
    assert ns["results"][DEFAULT][label]["target"] == "`sizes` [1, 2, 12, 14]"
    assert ns["results"][LEGACY][label]["target"] == "`sizes` (computed)"


def test_dynamic_scale_factor_is_exported_as_constant_scales_and_matches(ns):
    for exporter in (DEFAULT, LEGACY):
        rows = ns["dynamic_results"][exporter]
        for label in DYNAMIC_SCALE_LABELS:
            factor = float(label.split(",")[0].split("=")[1])
            assert rows[label]["target"] == f"`scales` [1.0, 1.0, {factor}, {factor}]", (exporter, label)
            assert all(d < MATCH for d in rows[label]["differences"].values()), (exporter, label)
        for label in (
            "scale_factor=0.5, bilinear, recompute_scale_factor=True",
            "size=(2 * x.shape[-2], 2 * x.shape[-1]), bilinear",
        ):
            assert rows[label]["target"] == "`sizes` (computed)", (exporter, label)
            assert all(d < MATCH for d in rows[label]["differences"].values()), (exporter, label)
        assert all(d < MATCH for d in rows["size=(8, 8), bilinear"]["differences"].values())
    assert ns["dynamic_results"][DEFAULT]["size=(8, 8), bilinear"]["target"] == "`sizes` [1, 2, 8, 8]"
    assert ns["dynamic_results"][LEGACY]["size=(8, 8), bilinear"]["target"] == "`sizes` (computed)"


def test_dynamic_antialias(ns):
    rows = ns["dynamic_results"][DEFAULT]
    # Every run size has an odd side, so scale_factor=0.5 never divides it exactly.
    assert all(h % 2 or w % 2 for h, w in ns["RUN_SIZES"])
    assert rows[AA_SCALE]["target"] == rows[AA_SHAPE]["target"] == "`sizes` (computed)"
    assert all(d > 1e-2 for d in rows[AA_SCALE]["differences"].values())
    assert all(d < MATCH for d in rows[AA_SHAPE]["differences"].values())
    for label in (AA_SCALE, AA_SHAPE):
        assert "not supported" in ns["dynamic_results"][LEGACY][label]["error"]


def test_scales_not_exact_in_float32_change_the_output_size(ns):
    # The page: onnxruntime computes the output size from the float32 scale in float32, torch
    # from the Python float in float64; at x1.4 they part at some widths, in both exporters,
    # static or dynamic. The factors the other layers use never do.
    expected = [w for w in ns["WIDTHS"] if int(np.float32(w) * np.float32(1.4)) != int(w * 1.4)]
    assert expected[:3] == [45, 85, 90]
    for exporter in (DEFAULT, LEGACY):
        rows = ns["dynamic_results"][exporter]
        assert rows["scale_factor=1.4, bilinear"]["widths_off"] == expected, exporter
        for label in DYNAMIC_SCALE_LABELS + ("size=(2 * x.shape[-2], 2 * x.shape[-1]), bilinear",):
            assert rows[label]["widths_off"] == [], (exporter, label)
        integer = rows["size=(x.shape[-2] * 7 // 5, x.shape[-1] * 7 // 5), bilinear"]
        assert integer["widths_off"] == [] and all(d < MATCH for d in integer["differences"].values()), exporter
        static = ns["results"][exporter]["nn.Upsample(scale_factor=1.4, mode='bilinear') on 3x45"]
        assert static["difference"] == "shape (1, 2, 4, 63) vs (1, 2, 4, 62)", exporter


def test_torch_cpu_linear_modes_copy_an_axis_whose_size_does_not_change(ns):
    # The page: 2 rows x 1.4 -> 2 rows; torch's CPU linear kernels copy that axis, Resize
    # scales it (the 2x3 column of the x1.4 row), bicubic scales it in torch too.
    for exporter in (DEFAULT, LEGACY):
        differences = ns["dynamic_results"][exporter]["scale_factor=1.4, bilinear"]["differences"]
        assert differences[2, 3] > 0.1 and all(d < 1e-5 for size, d in differences.items() if size != (2, 3))
    generator = torch.Generator().manual_seed(2)
    for n, factor in [(1, 1.5), (2, 1.4), (3, 1.2), (4, 1.1), (6, 1.05)]:
        assert int(n * factor) == n
        x = torch.randn(1, 2, n, n + 4, generator=generator)
        for mode in ("bilinear", "bicubic"):
            y = F.interpolate(x, scale_factor=(factor, 1.0), mode=mode)
            copied = torch.allclose(y, x, atol=1e-6)
            assert copied == (mode == "bilinear" or n == 1), (n, factor, mode)
        line = torch.randn(1, 2, n, generator=generator)
        assert torch.equal(F.interpolate(line, scale_factor=factor, mode="linear"), line)


def test_torch_cpu_bicubic_copies_an_unchanged_axis_for_uint8_and_antialias():
    # The page: plain floating-point bicubic scales an axis whose size does not change, but
    # the CPU kernels for uint8 and for antialias=True copy it, as the linear ones do.
    generator = torch.Generator().manual_seed(3)
    for channels, width, channels_last in itertools.product((1, 3, 4, 8), (3, 7, 100), (False, True)):
        x = torch.randn(1, channels, 2, width, generator=generator)
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        pixels = (x.clamp(-2, 2) * 60 + 128).to(torch.uint8)
        for inp, antialias in ((x, False), (x, True), (x.double(), True), (pixels, False), (pixels, True)):
            both = F.interpolate(inp, scale_factor=1.4, mode="bicubic", antialias=antialias)
            width_only = F.interpolate(inp, scale_factor=(1.0, 1.4), mode="bicubic", antialias=antialias)
            copied = torch.equal(both, width_only)
            plain_float = inp.is_floating_point() and not antialias
            assert copied != plain_float, (channels, width, channels_last, inp.dtype, antialias)


def test_bicubic_scales_a_kept_size_on_the_cpu_but_cuda_copies_when_both_axes_keep_it():
    # Review 12: the page said plain float bicubic scales an unchanged axis on every device; CUDA's
    # UpSampleBicubic2d.cu copies the whole map when height and width both keep their size.
    generator = torch.Generator().manual_seed(12)
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    for n, factor in [(2, 1.4), (3, 1.2), (5, 1.1), (9, 1.05)]:
        x = torch.randn(1, 2, n, n, generator=generator, dtype=torch.float64)
        for device in devices:
            y = F.interpolate(x.to(device), scale_factor=factor, mode="bicubic").cpu()
            assert y.shape == x.shape and torch.equal(y, x) == (device == "cuda"), (n, factor, device)


def _dynamic_sweep(tmp_path, dynamo):
    """Export resizes with a dynamic height and width; compare onnxruntime with eager torch at many sizes."""
    layers = [(mode, factor) for mode in ("bilinear", "bicubic") for factor in (2, 3, 0.5, 1.7, 0.3, 5.5)]
    layers += [("nearest", factor) for factor in (2, 3, 4, 0.5, 0.25)]

    class Layers(nn.Module):
        def forward(self, x):
            return tuple(F.interpolate(x, scale_factor=f, mode=m) for m, f in layers)

    session = export_with_dynamic_height_and_width(Layers(), tmp_path, dynamo)
    # Sides from 4 up (the smallest factor, 0.25, must leave a pixel), odd and even, and one tall map.
    generator = torch.Generator().manual_seed(0)
    sizes = [(4, 4), (4, 5), (5, 4), (7, 13), (16, 9), (33, 4)] + [
        tuple(torch.randint(4, 40, (2,), generator=generator).tolist()) for _ in range(6)
    ]
    worst = dict.fromkeys(layers, 0.0)
    largest = 0.0
    for size in sizes:
        x = torch.randn(1, 2, *size, generator=generator)  # negative values too
        largest = max(largest, float(x.abs().max()))
        for (mode, factor), result in zip(layers, session.run(None, {"x": x.numpy()})):
            eager = F.interpolate(x, scale_factor=factor, mode=mode).numpy()
            assert result.shape == eager.shape, (size, mode, factor)
            worst[mode, factor] = max(worst[mode, factor], float(np.abs(result - eager).max()))
    # The page: within 1e-4, not the 1e-5 of the tables: on these values (up to about +-4; review 30:
    # the page said +-3, they reach 4.09) the float32 positions of x1.7, x3 and x5.5 part by more
    # than 1e-5 (review 20).
    assert 3.5 < largest < 4.5, largest
    assert max(worst.values()) < 1e-4, worst
    assert all(worst["bicubic", factor] > MATCH for factor in (1.7, 3, 5.5)), worst


def test_dynamic_scale_factor_matches_over_sizes_and_factors_default(tmp_path):
    _dynamic_sweep(tmp_path, dynamo=True)


def test_dynamic_scale_factor_matches_over_sizes_and_factors_legacy(tmp_path):
    _dynamic_sweep(tmp_path, dynamo=False)


# Opsets.


def test_version_converter(ns):
    conversions = ns["conversions"]
    assert conversions[0, 17] == "17" and conversions[0, 13] == "13"
    assert "No Adapter" in conversions[0, 11]
    for target in ns["TARGETS"]:
        assert "antialias=1 is not supported" in conversions[1, target]


def test_default_exporter_keeps_opset_18_wherever_the_conversion_fails(ns):
    # Review 52: the page said only the antialiased layer stays at 18; a plain bilinear asked for 11
    # (no Resize adapter below 13) and nearest-exact asked for 13 do too, while plain bilinear
    # converts to 17 and 13.
    assert ns["declared"] == {
        ("bilinear", 17): 17,
        ("bilinear", 13): 13,
        ("bilinear", 11): 18,
        ("nearest-exact", 17): 17,
        ("nearest-exact", 13): 18,
        ("nearest-exact", 11): 18,
        ("bilinear, antialias=True", 17): 18,
        ("bilinear, antialias=True", 13): 18,
        ("bilinear, antialias=True", 11): 18,
    }


def test_legacy_exporter_at_older_opsets(ns):
    table, differences = ns["legacy_opsets"], ns["legacy_differences"]
    nearest, bilinear, corners, cubic = ns["legacy_layers"]
    assert [table[nearest, v].split(",")[0] for v in (9, 10, 11, 17)] == [
        "`Upsample`",
        "`Resize`",
        "`Resize`",
        "`Resize`",
    ]
    for version in (9, 10):
        assert "align_corners == True" in table[corners, version]
        assert "not supported" in table[cubic, version]
        # Review 52: bilinear with align_corners=False exports below 11 but is off by tenths.
        assert differences[bilinear, version] > 0.1
    for label in (corners, cubic):
        assert [table[label, v].split(",")[0] for v in (11, 17)] == ["`Resize`", "`Resize`"]
    assert all(
        difference < MATCH for (label, version), difference in differences.items() if label != bilinear or version >= 11
    )


@pytest.mark.parametrize("rank", [3, 4, 5])
def test_legacy_linear_modes_export_below_opset_11_with_a_warning_but_do_not_match(tmp_path, rank):
    # Review 52: every linear mode, not only bilinear, exports at opsets 9 and 10 with asymmetric sampling
    # (torch only warns); nearest enlarged matches at every opset, linear ones from 11 on. Review 93:
    # "from opset 9/11 on" covers every opset the legacy exporter writes, not only 9 to 11.
    import onnxruntime

    x = torch.rand(1, 2, *(5, 6, 7)[: rank - 2], generator=torch.Generator().manual_seed(rank))
    linear = {3: "linear", 4: "bilinear", 5: "trilinear"}[rank]
    for mode, factor in itertools.product(("nearest", linear), (2, 3, 1.5)):
        layer = nn.Upsample(scale_factor=factor, mode=mode)
        for opset in range(9, 21):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                torch.onnx.export(layer, (x,), tmp_path / "m.onnx", dynamo=False, opset_version=opset)
            session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])
            result = session.run(None, {session.get_inputs()[0].name: x.numpy()})[0]
            difference = np.abs(result - layer(x).numpy()).max()
            if mode == "nearest" or opset >= 11:
                assert difference < MATCH, (mode, factor, opset)
            else:
                assert difference > 0.1, (mode, factor, opset)  # the page: off by tenths
                assert any("did not match Pytorch's Interpolation until opset 11" in str(w.message) for w in caught)


@pytest.mark.parametrize("rank", [3, 4, 5])
def test_legacy_nearest_shrunk_does_not_match_below_opset_11(tmp_path, rank):
    """Review 92: the page said nearest matches from opset 9 on; that holds only enlarging.

    onnxruntime refuses opset 9's Upsample below a factor of 1, and opset 10's Resize picks other pixels.
    """
    import onnxruntime

    assert_pages_say(
        ("onnx-export.md", "shrunk by 0.7 it does not match below opset 11"),
        ("onnx-export.zh.md", "缩小到 0.7 倍时，opset 11 以下都不一致"),
    )
    x = torch.rand(1, 2, *(5, 6, 7)[: rank - 2], generator=torch.Generator().manual_seed(rank))
    layer = nn.Upsample(scale_factor=0.7, mode="nearest")
    for opset in (9, 10):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(layer, (x,), tmp_path / "m.onnx", dynamo=False, opset_version=opset)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 4
        if opset == 9:
            with pytest.raises(Exception, match="Scale value should be greater than or equal to 1"):
                onnxruntime.InferenceSession(tmp_path / "m.onnx", options, providers=["CPUExecutionProvider"])
            continue
        session = onnxruntime.InferenceSession(tmp_path / "m.onnx", options, providers=["CPUExecutionProvider"])
        result = session.run(None, {session.get_inputs()[0].name: x.numpy()})[0]
        assert result.shape == layer(x).shape
        assert np.abs(result - layer(x).numpy()).max() > 0.1, rank


def test_legacy_nearest_x1_5_matches_on_small_inputs_and_a_4m_row_not_on_some_longer_rows(tmp_path):
    """Review 109: "nearest enlarged by 1.5, 2 or 3 [matches] from opset 9 on" was checked on inputs 5 to 7 pixels a side.

    On a row of 4,194,400 pixels (6,291,600 out, under 2**23) torch floors d * float32(1 / 1.5) and onnxruntime
    floors d / 1.5 in float32: from output pixel 6,291,457 on some pixels read the next input pixel, at every opset.
    Review 110: the page said this of "a row of millions of pixels"; a row of 4,000,000 (6,000,000 out) still matches
    at opset 9 and 11, so the page says "some rows".
    """
    import onnxruntime

    assert_pages_say(
        ("onnx-export.md", "On inputs a few pixels a side (the tests check 3-D, 4-D and 5-D ones)"),
        ("onnx-export.md", "on some rows of millions of pixels ×1.5 does not match at opsets 9 to 20)"),
        ("onnx-export.zh.md", "在每边只有几个像素的输入上（测试检查了 3 维、4 维和 5 维输入）"),
        ("onnx-export.zh.md", "在某些几百万像素长的行上，放大 1.5 倍时 opset 9 到 20 都不一致"),
    )
    layer = nn.Upsample(scale_factor=1.5, mode="nearest")
    x = torch.arange(4_000_000, dtype=torch.float32).view(1, 1, -1)
    for opset in (9, 11):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(layer, (x,), tmp_path / "m.onnx", dynamo=False, opset_version=opset)
        session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])
        assert np.array_equal(session.run(None, {session.get_inputs()[0].name: x.numpy()})[0], layer(x).numpy()), opset
    x = torch.arange(4_194_400, dtype=torch.float32).view(1, 1, -1)
    expected = layer(x).numpy()
    for opset in range(9, 21):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(layer, (x,), tmp_path / "m.onnx", dynamo=False, opset_version=opset)
        session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])
        result = session.run(None, {session.get_inputs()[0].name: x.numpy()})[0]
        assert result.shape == expected.shape, opset
        differ = np.flatnonzero(result != expected)
        assert differ.size > 0 and differ[0] == 6_291_457 and expected.size < 2**23, opset


# exclude_outside.


def test_exclude_outside_matches_torch_bicubic_without_and_with_antialias(ns):
    for size in ns["CUBIC_SIZES"]:
        plain, antialiased = ns["cubic"][size, False], ns["cubic"][size, True]
        assert plain[0].max() < MATCH and antialiased[1].max() < MATCH, size
        # "off by a few hundredths"
        assert 1e-2 < plain[1].max() < 0.1 and 1e-2 < antialiased[0].max() < 0.1, size
    assert ns["inside"]


def test_exclude_outside_only_matters_at_the_edges_over_sizes(ns):
    # bicubic (a = -0.75) against ONNX cubic with exclude_outside=1: the interior is equal, over
    # many input and output sizes, including 1 to 3 pixel maps, shrinking and enlarging.
    cubic_resize, crosses_edge = ns["cubic_resize"], ns["crosses_edge"]
    generator = torch.Generator().manual_seed(1)
    for n_in, n_out in [(1, 3), (2, 5), (3, 2), (3, 3), (4, 9), (5, 17), (9, 4), (17, 6), (8, 16), (10, 3), (6, 100)]:
        x = torch.randn(1, 1, n_in, n_in + 1, generator=generator)
        size = (n_out, n_out + 2)
        eager = F.interpolate(x, size=size, mode="bicubic").numpy()[0, 0]
        assert np.abs(cubic_resize(x, size, 0, 0)[0, 0] - eager).max() < MATCH, (n_in, n_out)
        differs = np.abs(cubic_resize(x, size, 1, 0)[0, 0] - eager) > MATCH
        edge = crosses_edge(n_in, size[0])[:, None] | crosses_edge(n_in + 1, size[1])[None, :]
        assert not differs[~edge].any(), (n_in, n_out)


def test_exclude_outside_only_matters_at_the_edges_over_every_size_the_page_names(ns):
    """Review r135-7: the page said "the tests check this on inputs from 1×2 to 17×18 and outputs up to 100×102",
    while the test above checks 11 pairs of sizes; over every pair of that range its 10⁻⁵ criterion fails at 5
    (17×18 to 31×33, 69×71, 71×73, 84×86, 85×87, on this build's CPU), from float32 rounding that exclude_outside=0
    shows too. This sweeps every input n × (n + 1), n = 1..17, resized to every m × (m + 2), m = 1..100, and holds
    the interior to float32 rounding; one session per setting, with the output size as an input."""
    import onnxruntime

    crosses_edge = ns["crosses_edge"]

    def session(exclude_outside):
        node = onnx.helper.make_node(
            "Resize",
            ["x", "", "", "sizes"],
            ["y"],
            mode="cubic",
            coordinate_transformation_mode="half_pixel",
            cubic_coeff_a=-0.75,
            exclude_outside=exclude_outside,
        )
        graph = onnx.helper.make_graph(
            [node],
            "resize",
            [
                onnx.helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, None),
                onnx.helper.make_tensor_value_info("sizes", onnx.TensorProto.INT64, [4]),
            ],
            [onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, None)],
        )
        model = onnx.helper.make_model(graph, opset_imports=[onnx.helper.make_opsetid("", 18)])
        run = onnxruntime.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"]).run
        return lambda x, size: run(None, {"x": x.numpy(), "sizes": np.array([1, 1, *size], dtype=np.int64)})[0][0, 0]

    resize = {e: session(e) for e in (0, 1)}
    generator = torch.Generator().manual_seed(1)
    edge_differs = 0
    for n in range(1, 18):
        x = torch.randn(1, 1, n, n + 1, generator=generator)
        rounding = 64 * torch.finfo(torch.float32).eps * x.abs().max().item()
        for m in range(1, 101):
            size = (m, m + 2)
            eager = F.interpolate(x, size=size, mode="bicubic").numpy()[0, 0]
            plain, excluded = resize[0](x, size), resize[1](x, size)
            edge = crosses_edge(n, m)[:, None] | crosses_edge(n + 1, m + 2)[None, :]
            assert np.abs(plain - eager).max() <= rounding, (n, m)
            assert np.abs(excluded - eager)[~edge].max(initial=0) <= rounding, (n, m)
            edge_differs += bool(np.abs(excluded - eager)[edge].max(initial=0) > 1e-3)
    assert edge_differs > 1000  # the edge does differ, beyond rounding, in most of the 1700 pairs
    assert_pages_say(
        (
            "onnx-export.md",
            "the tests check this on every input of n × (n + 1) pixels from 1×2 to 17×18, "
            "each resized to every m × (m + 2) from 1×3 to 100×102",
        ),
        (
            "onnx-export.zh.md",
            "测试对 n × (n + 1) 个像素、从 1×2 到 17×18 的每一种输入，缩放到从 1×3 到 100×102 的每一种 m × (m + 2)，都检查了这一点",
        ),
    )


def test_the_zh_page_calls_the_four_taps_past_the_edge_weights_not_samples():
    # Review r129-7: the en page says plain bicubic differs "only at output pixels whose four taps reach past
    # the edge"; the zh page wrote 四个采样点 (four samples: an output pixel has one sample position, and a
    # tap is 权重 in the glossary), which the site-wide check for 之外的采样点 did not catch.
    assert_pages_say(
        ("onnx-export.md", "only at output pixels whose four taps reach past the edge"),
        ("onnx-export.zh.md", "差异只出现在四个权重中有的落到边缘之外的那些输出像素上"),
    )
    text = (ROOT / "docs" / "onnx-export.zh.md").read_text(encoding="utf-8")
    assert not re.search(r"[一二三四]个采样点|采样点[^。；]*边缘之外", text)


# Quantized tensors.

QUANTIZED_ACCEPTED = {
    ("nearest", 4),
    ("nearest", 5),
    ("nearest-exact", 4),
    ("nearest-exact", 5),
    ("bilinear", 4),
    ("area", 3),
    ("area", 4),
    ("area", 5),
}


def test_quantized_modes(ns):
    table = ns["quantized"]
    accepted = {(mode, rank) for (mode, rank, antialias), row in table.items() if row["error"] is None}
    assert accepted == QUANTIZED_ACCEPTED
    assert all(table[mode, rank, True]["error"] for mode, rank, antialias in table if antialias)
    for mode, rank in QUANTIZED_ACCEPTED:
        row = table[mode, rank, False]
        if mode.startswith("nearest"):
            assert row["differ"] == 0, (mode, rank)
        else:
            assert row["steps"] == 1 and row["differ"] > 0, (mode, rank)
    assert "deprecated" in ns["deprecation"]


def test_only_quint8_qint8_and_qint32_tensors_quantized_per_tensor_are_taken():
    # Review 122: "F.interpolate also takes quantized tensors" and the accepted modes were measured on
    # quantize_per_tensor only; a tensor quantized per channel (either axis, quint8 or qint8) raises in every
    # mode and rank, the accepted ones included, while the same values quantized per tensor go through; so
    # do the packed quint4x2 and quint2x4 quantized per tensor. Review 123: the page named quint8 and qint8
    # only, but qint32 quantized per tensor goes through every accepted mode too.
    modes = {("nearest", 3), ("nearest-exact", 3), ("linear", 3), ("bicubic", 4), ("trilinear", 5)} | QUANTIZED_ACCEPTED
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the quantized types' deprecation notice
        for (mode, rank), dtype, axis in itertools.product(
            sorted(modes), (torch.quint8, torch.qint8, torch.qint32), (0, 1)
        ):
            x = torch.rand(2, 3, *[5] * (rank - 2), generator=torch.Generator().manual_seed(rank))
            count = x.shape[axis]
            per_channel = torch.quantize_per_channel(
                x, torch.full((count,), 0.05), torch.zeros(count, dtype=torch.long), axis, dtype
            )
            for factor in (2, 0.5, 1.7):
                with pytest.raises(RuntimeError):
                    F.interpolate(per_channel, scale_factor=factor, mode=mode)
                if (mode, rank) in QUANTIZED_ACCEPTED:
                    per_tensor = torch.quantize_per_tensor(x, 0.05, 0, dtype)
                    assert F.interpolate(per_tensor, scale_factor=factor, mode=mode).is_quantized
                    for packed in (torch.quint4x2, torch.quint2x4):
                        with pytest.raises(RuntimeError):
                            F.interpolate(torch.quantize_per_tensor(x, 0.05, 0, packed), scale_factor=factor, mode=mode)
    assert_pages_say(
        ("onnx-export.md", "`F.interpolate` also takes `quint8`, `qint8` and `qint32` tensors quantized per tensor"),
        (
            "onnx-export.zh.md",
            "`F.interpolate` 也接受按张量量化（`torch.quantize_per_tensor`）的 `quint8`、`qint8` 和 `qint32` 张量",
        ),
    )


def test_per_channel_raises_runtime_error_only_where_per_tensor_is_taken():
    # Review r127-7: the page said a tensor quantized per channel "raises a RuntimeError in every mode", and
    # the test caught RuntimeError, of which NotImplementedError is a subclass. The page names the two apart:
    # the plain RuntimeError (the per-tensor check) comes only in the modes that take per-tensor input; in the
    # others (3-D nearest and nearest-exact, linear, bicubic, trilinear, any antialias) a per-channel tensor
    # raises the NotImplementedError of a missing quantized kernel, as a per-tensor one does.
    cases = [(mode, rank, False) for mode, rank in QUANTIZED_ACCEPTED]
    cases += [("nearest", 3, False), ("nearest-exact", 3, False), ("linear", 3, False), ("bicubic", 4, False)]
    cases += [("trilinear", 5, False), ("bilinear", 4, True), ("bicubic", 4, True)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the quantized types' deprecation notice
        for (mode, rank, antialias), dtype, axis in itertools.product(
            sorted(cases), (torch.quint8, torch.qint8, torch.qint32), (0, 1)
        ):
            x = torch.rand(2, 3, *[5] * (rank - 2), generator=torch.Generator().manual_seed(rank))
            count = x.shape[axis]
            per_channel = torch.quantize_per_channel(
                x, torch.full((count,), 0.05), torch.zeros(count, dtype=torch.long), axis, dtype
            )
            for factor in (2, 0.5, 1.7):
                with pytest.raises(RuntimeError) as raised:
                    F.interpolate(per_channel, scale_factor=factor, mode=mode, antialias=antialias)
                expected = RuntimeError if (mode, rank) in QUANTIZED_ACCEPTED and not antialias else NotImplementedError
                assert raised.type is expected, (mode, rank, antialias, dtype, axis, factor, raised.type)
    assert_pages_say(
        (
            "onnx-export.md",
            "one quantized per channel raises a `RuntimeError` in every mode that takes those, and in the others the `NotImplementedError` below, as one quantized per tensor does",
        ),
        (
            "onnx-export.zh.md",
            "按通道量化的张量在接受按张量量化输入的模式下都会抛出 `RuntimeError`，在其余模式下则和按张量量化的张量一样，抛出下文所说的 `NotImplementedError`",
        ),
    )


def test_quantized_differences_stay_within_one_step_over_the_domain():
    # Every accepted mode and rank, quint8 and qint8, scales and zero points, factors from 0.3
    # to 7, sides 1..9 (one side only for 3-D), channels-last too.
    from hypothesis import given, settings
    from hypothesis import strategies as st

    accepted = sorted(QUANTIZED_ACCEPTED)
    memory_formats = {4: torch.channels_last, 5: torch.channels_last_3d}

    @settings(max_examples=80, deadline=None, derandomize=True)
    @given(
        mode_rank=st.sampled_from(accepted),
        sides=st.lists(st.integers(1, 9), min_size=3, max_size=3),
        factor=st.sampled_from([0.3, 0.5, 1.7, 2, 3, 7]),
        signed=st.booleans(),
        scale=st.sampled_from([0.01, 0.05, 0.3]),
        channels_last=st.booleans(),
        seed=st.integers(0, 2**16),
    )
    def check(mode_rank, sides, factor, signed, scale, channels_last, seed):
        mode, rank = mode_rank
        sides = sides[: rank - 2]
        if any(int(side * factor) < 1 for side in sides) or all(side == 1 for side in sides):
            return  # inputs of one pixel: the next tests
        x = torch.randn(2, 3, *sides, generator=torch.Generator().manual_seed(seed)) * 3
        dtype, zero_point = (torch.qint8, 3) if signed else (torch.quint8, 120)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            q = torch.quantize_per_tensor(x, scale, zero_point, dtype)
            if channels_last and rank in memory_formats:
                q = q.contiguous(memory_format=memory_formats[rank])
            y = F.interpolate(q, scale_factor=factor, mode=mode)
            reference = torch.quantize_per_tensor(
                F.interpolate(q.dequantize(), scale_factor=factor, mode=mode), scale, zero_point, dtype
            )
        assert (y.q_scale(), y.q_zero_point()) == (scale, zero_point)
        steps = (y.int_repr().int() - reference.int_repr().int()).abs().max().item()
        assert steps <= (0 if mode.startswith("nearest") else 1), (mode, rank, sides, factor)

    check()
    en = (ROOT / "docs" / "onnx-export.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "onnx-export.zh.md").read_text(encoding="utf-8")
    assert "the tests find the same on sides of 1 to 9 pixels at factors 0.3, 0.5, 1.7, 2, 3 and 7" in en
    assert "测试在边长 1 到 9 个像素、缩放因子 0.3、0.5、1.7、2、3 和 7 上得到同样的结果" in zh


# Channels-last CUDA nearest limits.


def test_nhwc_limits_read_from_the_installed_library(ns):
    if not ns["library"].exists():
        pytest.skip("this torch build has no CUDA library")
    limits = ns["nhwc_limits"]
    assert len(limits) == 4
    assert {m.split(" supports ")[1].split(" tensors")[0] for m in limits if m.endswith("INT_MAX elements")} == {
        "grad_input",
        "grad_output",
    }
    assert {m.split(" supports ")[1].split(" tensors")[0] for m in limits if m.endswith("2^63 - 1 elements")} == {
        "input",
        "output",
    }


def test_contiguous_nearest_backward_is_no_longer_32_bit_in_this_torch(ns):
    # UpSampleNearest2d.cu at 8b20637 (the commit the page links) checked the contiguous backward
    # with `grad_input.numel() <= std::numeric_limits<int32_t>::max()` and indexed grad_output with
    # a 32-bit `int src_idx`; pytorch#123682 moved both to 64 bits. An earlier page said a
    # contiguous input "does not help" in this torch; the installed library no longer holds
    # the 32-bit check (a TORCH_CHECK without message compiles its condition into the library).
    for page, stale in (("onnx-export.md", "but does not help"), ("onnx-export.zh.md", "无济于事")):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert stale not in text and "123682" in text, page
    if not ns["library"].exists():
        pytest.skip("this torch build has no CUDA library")
    data = ns["library"].read_bytes()
    assert b"Expected output.numel() <= std::numeric_limits<int32_t>::max()" in data  # such checks do show
    assert b"grad_input.numel() <= std::numeric_limits<int32_t>::max()" not in data


def test_contiguous_input_does_not_fix_the_layout_of_the_returning_gradient():
    # Review 25: "a contiguous input before the upsample avoids the channels-last backward's
    # INT_MAX limit" fails when the next layer is channels-last. The CUDA backward picks its NHWC
    # kernel by grad_output's suggested format (and a grad_input allocated in it, by the shared
    # meta function); a conv with channels_last weights sends back a channels-last gradient.
    x = torch.randn(2, 8, 6, 6, requires_grad=True)
    conv = torch.nn.Conv2d(8, 8, 3, padding=1).to(memory_format=torch.channels_last)
    y = F.interpolate(x.contiguous(), scale_factor=2, mode="nearest")
    assert y.is_contiguous() and not y.is_contiguous(memory_format=torch.channels_last)
    seen = {}

    def keep(grad):
        seen["grad_output"] = grad

    y.register_hook(keep)
    conv(y).sum().backward()
    assert seen["grad_output"].is_contiguous(memory_format=torch.channels_last)
    assert not seen["grad_output"].is_contiguous()
    grad_input = torch.ops.aten.upsample_nearest2d_backward(seen["grad_output"], [12, 12], [2, 8, 6, 6], None, None)
    assert grad_input.is_contiguous(memory_format=torch.channels_last)
    en = (ROOT / "docs" / "onnx-export.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "onnx-export.zh.md").read_text(encoding="utf-8")
    assert "only while the gradient that comes back is not channels-last either" in en
    assert "只有在传回来的梯度也不是 channels_last 布局时" in zh


def test_quantized_one_pixel_input_mixes_channels(ns):
    for mode, channels in ns["one_pixel_results"].items():
        assert channels[0] == [1.0, 2.0, 3.0, 1.0], mode
    assert ns["expected"] == [[1.0] * 4, [2.0] * 4, [3.0] * 4]
    # "fill the output in channels-last order but give it the usual layout": the mixed
    # result, read in memory order, is the right result in channels-last order.
    right = torch.tensor(ns["expected"]).view(1, 3, 2, 2)
    for mode, channels in ns["one_pixel_results"].items():
        assert torch.tensor(channels).flatten().tolist() == right.permute(0, 2, 3, 1).flatten().tolist(), mode


def test_quantized_differs_from_float_by_many_steps_at_the_pages_factors():
    # Review 72: the page's long list of where the quantized kernels part from the float round trip became one
    # weaker sentence with examples; each example differs by many steps over seeds, layouts, channel counts and
    # both dtypes, not only on one draw.
    cases = (
        ("nearest-exact", (3, 3), 1.3),
        ("bilinear", (3, 5), 1.3),
        ("nearest", (3, 5), 1.3),
        ("nearest", (10, 10), 2.05),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for (mode, shape, factor), seed, last, channels, (dtype, zero_point) in itertools.product(
            cases, range(3), (False, True), (1, 3, 4), ((torch.quint8, 120), (torch.qint8, 3))
        ):
            x = torch.randn(2, channels, *shape, generator=torch.Generator().manual_seed(seed)) * 3
            q = torch.quantize_per_tensor(x, 0.05, zero_point, dtype)
            if last:
                q = q.contiguous(memory_format=torch.channels_last)
            y = F.interpolate(q, scale_factor=factor, mode=mode).int_repr().int()
            reference = F.interpolate(q.dequantize(), scale_factor=factor, mode=mode)
            reference = torch.quantize_per_tensor(reference, 0.05, zero_point, dtype).int_repr().int()
            assert (y - reference).abs().max().item() > 10, (mode, shape, factor, seed, last, channels, dtype)
    en = (ROOT / "docs" / "onnx-export.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "onnx-export.zh.md").read_text(encoding="utf-8")
    assert "That is no rule: the quantized kernels pick their source pixels their\n  own way" in en
    assert (
        "(on 4-D input, `nearest-exact` on 3×3 at\n  ×1.3, `bilinear` and `nearest` on 3×5 at ×1.3, `nearest` on 10×10 at ×2.05)"
        in en
    )
    assert "但这不是普遍规律" in zh
    assert (
        "3×3 放大 1.3 倍的 `nearest-exact`，3×5 放大 1.3 倍的 `bilinear` 和 `nearest`，10×10 放大 2.05 倍的 `nearest`"
        in zh
    )


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact"])
def test_quantized_5d_channels_last_copy_writes_only_the_first_batch_entry(mode):
    # UpSampleNearest3d.cpp's channels-last copy returns inside its batch loop: where every side
    # keeps its size, batch entries after the first are never written and hold whatever the
    # allocator hands back. That can happen to be the input's bytes, so zeros (the inputs hold
    # 1..251) are freed just before each call, and the test asks that some multi-entry case, not
    # every one, shows memory that is not the input; a fixed kernel would show none.
    unwritten = []
    cases = itertools.product((1, 2, 3), (1, 4), ((3, 3, 3), (2, 3, 3)), ("scale_factor", "size"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for offset, (batch, channels, shape, how) in enumerate(cases):
            x = torch.arange(float(batch * channels * math.prod(shape))).view(batch, channels, *shape)
            x = ((x * 7 + offset) % 251 + 1).contiguous(memory_format=torch.channels_last_3d)
            q = torch.quantize_per_tensor(x, 1.0, 0, torch.quint8)
            assert q.is_contiguous(memory_format=torch.channels_last_3d)
            resize = {"size": shape} if how == "size" else {"scale_factor": 1.3}
            poison = [torch.zeros_like(q.int_repr()) for _ in range(4)]
            del poison
            y = F.interpolate(q, mode=mode, **resize).int_repr()
            assert torch.equal(y[:1], q.int_repr()[:1]), (batch, channels, shape, how)
            if batch == 1:
                assert torch.equal(y, q.int_repr()), (channels, shape, how)
            else:
                unwritten.append(not torch.equal(y[1:], q.int_repr()[1:]))
    assert any(unwritten), unwritten
    assert "write the first batch entry only" in (ROOT / "docs" / "onnx-export.md").read_text(encoding="utf-8")
    assert "只写入 batch 中的第一个样本" in (ROOT / "docs" / "onnx-export.zh.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact"])
def test_quantized_5d_copy_skips_batch_entries_of_contiguous_inputs_with_one_channel_or_one_pixel(mode):
    """Review 92: a contiguous 5-D input with one channel also counts as channels_last_3d, so the
    kernel's channels-last copy skips its later batch entries too. Review 93: so does a contiguous one
    of one pixel with several channels, which "one channel" left out; a contiguous one with both more
    channels and more pixels does not count and is written whole. Unwritten memory is poisoned as in
    the test above."""
    assert_pages_say(
        (
            "onnx-export.md",
            "input (a contiguous one counts as such where it has one channel or one pixel) with a batch",
        ),
        ("onnx-export.zh.md", "`channels_last_3d` 布局（连续张量只有一个通道或只有一个像素时也算）"),
    )
    for shape in itertools.product((1, 2, 3), repeat=5):
        counts = torch.empty(shape).is_contiguous(memory_format=torch.channels_last_3d)
        assert counts == (shape[1] == 1 or shape[2:] == (1, 1, 1)), shape
    unwritten = {}
    cases = itertools.product((2, 3), (1, 3), ((1, 1, 1), (3, 3, 3), (2, 3, 4)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for offset, (batch, channels, shape) in enumerate(cases):
            x = torch.arange(float(batch * channels * math.prod(shape))).view(batch, channels, *shape)
            q = torch.quantize_per_tensor((x * 7 + offset) % 251 + 1, 1.0, 0, torch.quint8)
            assert q.is_contiguous() and q.stride()[-1] == 1  # built contiguous, not channels-last
            poison = [torch.zeros_like(q.int_repr()) for _ in range(4)]
            del poison
            y = F.interpolate(q, size=shape, mode=mode).int_repr()
            assert torch.equal(y[:1], q.int_repr()[:1])
            kind = "one channel" if channels == 1 else "one pixel" if shape == (1, 1, 1) else "neither"
            unwritten.setdefault(kind, []).append(not torch.equal(y[1:], q.int_repr()[1:]))
    assert any(unwritten["one channel"]) and any(unwritten["one pixel"]), unwritten
    assert not any(unwritten["neither"]), unwritten


@pytest.mark.parametrize("rank", [3, 4, 5])
def test_quantized_one_pixel_input_mixes_channels_over_the_domain(rank):
    # Inputs of one pixel (length 1 for the 3-D `area`, 1x1, 1x1x1) with 2 to 8 channels and
    # batch 1 or 2, contiguous or channels-last, enlarged by whole factors or to a `size`: the
    # output differs from the dequantized computation by more than a step. One channel is fine.
    modes = {
        3: ("area",),
        4: ("nearest", "nearest-exact", "area", "bilinear"),
        5: ("nearest", "nearest-exact", "area"),
    }[rank]
    memory_format = {3: None, 4: torch.channels_last, 5: torch.channels_last_3d}[rank]
    resize = [{"scale_factor": f} for f in (2, 3, 7)] + [{"size": (2, 3, 4)[: rank - 2][::-1]}]
    # Review 71: the page's headline said every one-pixel input with several channels; one that stays one pixel
    # (a size of ones, x1.5) comes back right, and one enlarged along a single axis mixes its channels too.
    ones = (1,) * (rank - 2)
    resize += [{"size": ones}, {"scale_factor": 1.5}, {"size": (2,) + ones[1:]}, {"size": ones[1:] + (3,)}]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for batch, channels, how, mode, last in itertools.product((1, 2), (1, 2, 3, 8), resize, modes, (False, True)):
            if last and memory_format is None:
                continue
            kept = how in ({"size": ones}, {"scale_factor": 1.5})
            if kept and rank == 5 and batch > 1 and mode != "area":
                continue  # the batch entries left unwritten, a separate rule (test above)
            # Halved to stay within quint8's range at scale 0.05 (12.75).
            values = torch.arange(1.0, batch * channels + 1).view(batch, channels, *[1] * (rank - 2)) / 2
            q = torch.quantize_per_tensor(values, 0.05, 0, torch.quint8)
            if last:
                q = q.contiguous(memory_format=memory_format)
            y = F.interpolate(q, mode=mode, **how).dequantize()
            reference = F.interpolate(values, mode=mode, **how)
            wrong = (y - reference).abs().max().item() > 0.05
            assert wrong == (channels > 1 and not kept), (batch, channels, how, mode, last)
    assert_pages_say(
        ("onnx-export.md", "**an input of a single pixel with more than one channel, resized to more than one pixel**"),
        ("onnx-export.zh.md", "**只有一个像素、却有多个通道的输入，缩放到多于一个像素时**"),
    )


def test_quantized_one_pixel_mix_comes_from_an_ambiguous_memory_format():
    # The mechanism the page states: a one-pixel NCHW tensor also counts as channels-last, so
    # the quantized kernel takes its channels-last branch, yet the output it fills in that
    # order has the usual (contiguous) layout; two pixels are unambiguous and come out right.
    one, two = torch.zeros(1, 3, 1, 1), torch.zeros(1, 3, 1, 2)
    assert one.is_contiguous(memory_format=torch.channels_last) and two.is_contiguous()
    assert not two.is_contiguous(memory_format=torch.channels_last)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        y = F.interpolate(torch.quantize_per_tensor(one + 1, 0.05, 0, torch.quint8), scale_factor=2)
    assert y.is_contiguous() and not y.is_contiguous(memory_format=torch.channels_last)


def _resize_width(width, factor):
    """Output width of a lone ONNX Resize with constant scales, run in onnxruntime."""
    import onnxruntime
    from onnx import TensorProto, helper

    node = helper.make_node("Resize", ["x", "", "scales"], ["y"], mode="nearest")
    graph = helper.make_graph(
        [node],
        "resize",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 1, 1, width])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
        initializer=[helper.make_tensor("scales", TensorProto.FLOAT, [4], [1, 1, 1, factor])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    return session.run(None, {"x": np.zeros((1, 1, 1, width), np.float32)})[0].shape[-1]


def test_exact_binary_factors_keep_the_size_only_when_the_float_product_is_exact():
    # The page: 2, 0.5, 0.25 and 5.5 give exact single-precision products below 2^23, so
    # onnxruntime's size equals torch's; 1 + 2^-13, exact in binary too, does not on 8191 columns.
    widths = [2, 3, 7, 45, 1000, 8191, 65535, 1_000_001, 1_525_201]
    for factor in (2.0, 0.5, 0.25, 5.5):
        for width in widths:
            single = np.float32(factor) * np.float32(width)
            assert float(single) == factor * width < 2**23 or width * factor >= 2**23, (factor, width)
    for width in (2, 3, 45, 1000, 8191):
        for factor in (2.0, 0.5, 0.25, 5.5):
            assert _resize_width(width, factor) == int(width * factor), (width, factor)
    factor = 1 + 2**-13
    assert np.float32(factor) == factor
    assert _resize_width(8191, factor) == 8192
    assert F.interpolate(torch.zeros(1, 1, 1, 8191), scale_factor=(1, factor)).shape[-1] == 8191


def test_exclude_outside_can_be_off_by_more_than_a_tenth_on_values_in_0_1(ns):
    # Review 8: "off by a few hundredths on values in [0, 1]" holds for the page's random input,
    # not for every image: a 2x3 checkerboard of 0 and 1 enlarged to 9x13 is off by more than 0.1.
    x = (torch.arange(3)[None, :] + torch.arange(2)[:, None]).remainder(2).float().view(1, 1, 2, 3)
    eager = F.interpolate(x, size=(9, 13), mode="bicubic").numpy()
    assert np.abs(ns["cubic_resize"](x, (9, 13), 0, 0) - eager).max() < MATCH
    assert np.abs(ns["cubic_resize"](x, (9, 13), 1, 0) - eager).max() > 0.1


def test_splitting_the_batch_does_not_help_when_one_sample_is_past_int_max():
    # Review 10: "Splitting the batch keeps both gradients below the limit" fails at batch 1:
    # a 4 x 16384 x 16384 input enlarged 2x has more than INT_MAX output elements on its own.
    # Review 25: the example had 3 channels, which never take the channels-last kernel (it needs
    # at least 4), so it never met that limit.
    int_max = 2**31 - 1
    assert 1 * 4 * (2 * 16384) * (2 * 16384) > int_max
    en = (ROOT / "docs" / "onnx-export.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "onnx-export.zh.md").read_text(encoding="utf-8")
    assert "Splitting the batch keeps both gradients below the limit.\n" not in en
    assert "one sample's output stays under `INT_MAX` elements" in en
    assert "才能让两个梯度张量" not in zh and "单个样本就已经超限" in zh
    for text in (en, zh):
        example = re.search(r"(\d+)×16384×16384", text)
        assert example and int(example.group(1)) >= 4  # fewer channels run the other kernel


def _exported_nearest_upsample(factor: float, x: torch.Tensor) -> np.ndarray:
    """What onnxruntime returns for nn.Upsample(scale_factor=factor, mode="nearest") from the legacy exporter."""
    import io

    import onnxruntime

    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            nn.Upsample(scale_factor=factor, mode="nearest"), (x,), buffer, dynamo=False, opset_version=18
        )
    session = onnxruntime.InferenceSession(buffer.getvalue(), providers=["CPUExecutionProvider"])
    return session.run(None, {session.get_inputs()[0].name: x.numpy()})[0]


def test_exported_nearest_differs_at_a_factor_below_one():
    # Review 10: the page listed `nearest` mismatches only at large whole factors. At x0.3 on
    # 34 columns the exported Resize (asymmetric, floor, constant scales) reads input column 29
    # for output column 9 (9 / 0.3f < 30), while torch reads 30 (9 * float(1 / 0.3) = 30).
    x = torch.arange(4 * 34, dtype=torch.float32).view(1, 1, 4, 34)
    got = _exported_nearest_upsample(0.3, x)
    want = F.interpolate(x, scale_factor=0.3, mode="nearest").numpy()
    assert got.shape == want.shape == (1, 1, 1, 10)
    assert got[0, 0, 0, 9] == 29 and want[0, 0, 0, 9] == 30
    en = (ROOT / "docs" / "onnx-export.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "onnx-export.zh.md").read_text(encoding="utf-8")
    assert "Three exceptions" not in en and "×0.3 on 34 columns" in en
    assert "例外有三个" not in zh and "×0.3 作用在 34 列上" in zh


def test_exported_4d_nearest_differs_on_a_side_that_keeps_its_size():
    # Review 10: torch's 4-D CPU nearest copies a side whose size a factor leaves unchanged (as
    # the linear modes do); the exported Resize samples it at the factor's spacing.
    x = torch.arange(5 * 20, dtype=torch.float32).view(1, 1, 5, 20)
    got = _exported_nearest_upsample(1.1, x)
    want = F.interpolate(x, scale_factor=1.1, mode="nearest").numpy()
    assert got.shape == want.shape == (1, 1, 5, 22)
    assert (want[0, 0, :, 0] // 20).tolist() == [0, 1, 2, 3, 4]
    assert (got[0, 0, :, 0] // 20).tolist() == [0, 0, 1, 2, 3]
    en = (ROOT / "docs" / "onnx-export.md").read_text(encoding="utf-8")
    assert "×1.1 on 5 rows" in en and "5 行放大 1.1 倍" in (ROOT / "docs" / "onnx-export.zh.md").read_text("utf-8")


def test_exported_nearest_differs_where_a_factor_other_than_2_doubles_a_4d_side(tmp_path):
    # torch's 4-D CPU nearest takes d // 2 when out == 2 * in; Resize divides by the factor.
    import onnxruntime

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            nn.Upsample(scale_factor=(2.05, 1.0), mode="nearest"),
            (torch.rand(1, 1, 10, 3),),
            tmp_path / "m.onnx",
            dynamo=False,
            input_names=["x"],
            dynamic_axes={"x": {2: "h", 3: "w"}},
        )
    session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])
    for side in range(2, 20):
        x = torch.arange(float(side)).view(1, 1, side, 1).expand(1, 1, side, 3).contiguous()
        exported = session.run(None, {"x": x.numpy()})[0][0, 0, :, 0].tolist()
        eager = F.interpolate(x, scale_factor=(2.05, 1.0), mode="nearest")[0, 0, :, 0].tolist()
        assert eager == [d // 2 for d in range(2 * side)]
        assert exported == [int(d / np.float32(2.05)) for d in range(2 * side)]
        assert exported != eager


def test_nearest_copies_a_kept_side_only_in_the_cpu_channels_last_kernel():
    # Review 12: the page said 4-D nearest at x1.1 on 5 rows (or x2.05 on 10) parts from Resize on
    # every 4-D input; a contiguous input whose out H + out W > 128 takes the generic kernel,
    # which reads floor(d / factor) as Resize does.
    for rows, factor in ((5, 1.1), (10, 2.05)):
        for width, channels, last in itertools.product((7, 50, 120, 200), (1, 4), (False, True)):
            x = torch.arange(float(rows)).view(1, 1, rows, 1).expand(1, channels, rows, width).contiguous()
            if last:
                x = x.contiguous(memory_format=torch.channels_last)
            read = F.interpolate(x, scale_factor=factor, mode="nearest")[0, 0, :, 0].long().tolist()
            out_w = int(width * factor)
            channels_last_kernel = len(read) + out_w <= 128 or (last and channels > 3)
            onnx_rows = [int(d / factor) for d in range(len(read))]
            assert (read != onnx_rows) == channels_last_kernel, (rows, factor, width, channels, last, read)


def test_channels_last_escapes_the_one_pixel_wide_antialias_error_only_with_several_channels():
    # Review 12: the page said a channels-last input matches; with one channel it is also
    # contiguous, takes the contiguous kernel and keeps the error.
    generator = torch.Generator().manual_seed(12)
    for (h, w), out, channels, mode in itertools.product(
        ((6, 7), (5, 9), (3, 3)), ((2, 1), (4, 1)), (1, 2, 3, 5), ("bilinear", "bicubic")
    ):
        x = torch.randn(1, channels, h, w, generator=generator)
        two_steps = F.interpolate(x, size=(out[0], w), mode=mode, antialias=True)
        two_steps = F.interpolate(two_steps, size=out, mode=mode, antialias=True)
        last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=out, mode=mode, antialias=True)
        assert torch.allclose(last, two_steps, atol=1e-5) == (channels > 1), (h, w, out, channels, mode)


def test_exact_binary_factors_need_the_input_below_2_to_the_23_too():
    # Review 13: below 2^23 the sizes agree even at the longest inputs; an input of 2^24 + 3 columns
    # is rounded to single precision first, and x0.25 then gives an output (< 2^23) one longer.
    for width in (2**23 - 1, 2**23 - 3):
        for factor in (0.5, 0.25):
            assert _resize_width(width, factor) == int(width * factor), (width, factor)
    width = 2**24 + 3
    assert _resize_width(width, 0.25) == 4_194_305 < 2**23
    assert F.interpolate(torch.zeros(1, 1, 1, width), scale_factor=(1, 0.25)).shape[-1] == 4_194_304


def test_antialias_with_size_parts_from_eager_on_long_axes(tmp_path):
    # Review 19: "matches eager torch when the output size is given with size" holds within 1e-5 on
    # short axes only; float32 source positions, rounded differently, part with the axis length.
    import onnxruntime

    cases = [(300, 451), (1600, 2401)]

    class Layers(nn.Module):
        def forward(self, *xs):
            return tuple(
                F.interpolate(x, size=(2, out), mode="bilinear", antialias=True) for x, (_, out) in zip(xs, cases)
            )

    xs = tuple(torch.rand(1, 1, 2, n, generator=torch.Generator().manual_seed(0)) for n, _ in cases)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(Layers(), xs, tmp_path / "m.onnx", dynamo=True, input_names=["x0", "x1"])
    session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])

    def gaps(xs):
        outputs = session.run(None, {f"x{i}": x.numpy() for i, x in enumerate(xs)})
        return [np.abs(result - Layers()(*xs)[i].numpy()).max() for i, result in enumerate(outputs)]

    # Review 26: the gaps are those of random values; they depend on the image (a ramp stays within 1e-6).
    for seed in range(20):
        random_gaps = gaps(
            tuple(torch.rand(1, 1, 2, n, generator=torch.Generator().manual_seed(seed)) for n, _ in cases)
        )
        assert random_gaps[0] > MATCH and 5e-5 < random_gaps[1] < 5e-4, (seed, random_gaps)
    assert max(gaps(tuple(torch.linspace(0, 1, n).expand(1, 1, 2, n).contiguous() for n, _ in cases))) < 1e-6
    # Review 116: the export cell's comment said of MATCH "float32 rounding of values in [0, 1] stays far
    # below this"; the random values in [0, 1] above part by more. The comment now names only its use.
    source = (ROOT / "examples" / "onnx_export.py").read_text(encoding="utf-8")
    assert "MATCH = 1e-5  # the tolerance of the tables below\n" in source


def test_antialias_gap_on_a_long_axis_shrinks_when_the_height_shrinks_too(tmp_path):
    # Review 34: "300 -> 451 columns differs by more than 1e-5" holds for a kept height of 2;
    # shrinking 40 rows to 1 at the same time averages the gap below 1e-5 on every seed tried.
    import onnxruntime

    class Layer(nn.Module):
        def forward(self, x):
            return F.interpolate(x, size=(1, 451), mode="bilinear", antialias=True)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(Layer(), (torch.rand(1, 1, 40, 300),), tmp_path / "m.onnx", dynamo=True, input_names=["x"])
    session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])
    for seed in range(20):
        x = torch.rand(1, 1, 40, 300, generator=torch.Generator().manual_seed(seed))
        gap = np.abs(session.run(None, {"x": x.numpy()})[0] - Layer()(x).numpy()).max()
        assert gap < MATCH, (seed, gap)


@pytest.mark.parametrize("dynamo", [True, False])
def test_dynamic_exports_part_from_eager_at_some_widths_under_200(tmp_path, dynamo):
    # Review 20: "the results match at every size and width" held for the output size at every
    # width, but the values part by more than 1e-5 at some widths under 200 for x1.7 bicubic and
    # for the integer x7/5 size: onnxruntime and torch round the float32 source positions
    # differently. x2 and x0.5 hold their positions exactly and match at every width.
    class Layers(nn.Module):
        def forward(self, x):
            return (
                F.interpolate(x, scale_factor=1.7, mode="bicubic"),
                F.interpolate(x, size=(x.shape[-2] * 7 // 5, x.shape[-1] * 7 // 5), mode="bilinear"),
                F.interpolate(x, scale_factor=2, mode="bilinear"),
                F.interpolate(x, scale_factor=0.5, mode="bilinear"),
            )

    session = export_with_dynamic_height_and_width(Layers(), tmp_path, dynamo)
    generator = torch.Generator().manual_seed(0)
    worst = [0.0] * 4
    for width in range(2, 201):
        x = torch.rand(1, 2, 2, width, generator=generator)
        for i, (result, eager) in enumerate(zip(session.run(None, {"x": x.numpy()}), Layers()(x))):
            assert result.shape == tuple(eager.shape), (width, i)
            worst[i] = max(worst[i], float(np.abs(result - eager.numpy()).max()))
    assert worst[0] > MATCH and worst[1] > MATCH, worst
    assert worst[2] < MATCH and worst[3] < MATCH, worst


def test_antialias_with_a_size_from_the_shape_parts_from_eager_on_a_long_odd_axis_by_a_range_of_torch_rands_draws(
    tmp_path,
):
    # Review 20: "size=(x.shape[-2] // 2, x.shape[-1] // 2) matches at every size" holds at the
    # table's sizes; halving 999 columns to 499 parts by more than 1e-5 on random values.
    import onnxruntime

    class Half(nn.Module):
        def forward(self, x):
            return F.interpolate(x, size=(x.shape[-2] // 2, x.shape[-1] // 2), mode="bilinear", antialias=True)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Half(),
            (torch.rand(1, 2, 6, 7),),
            tmp_path / "m.onnx",
            dynamo=True,
            input_names=["x"],
            dynamic_shapes=({2: torch.export.Dim("h"), 3: torch.export.Dim("w")},),
        )
    session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])

    def gap(x):
        return float(np.abs(session.run(None, {"x": x.numpy()})[0] - Half()(x).numpy()).max())

    generator = torch.Generator().manual_seed(0)
    assert gap(torch.rand(1, 2, 6, 7, generator=generator)) < MATCH
    assert gap(torch.rand(1, 2, 31, 17, generator=generator)) < MATCH
    # Review 28: the gap at 999 -> 499 depends on the image: the page quotes its range over
    # 2000 seeds of random values in [0, 1) and the much smaller gap on a linear ramp.
    gaps = [gap(torch.rand(1, 2, 2, 999, generator=torch.Generator().manual_seed(seed))) for seed in range(2000)]
    assert 1.25e-5 <= min(gaps) < 1.35e-5 and 2.55e-5 <= max(gaps) < 2.65e-5, (min(gaps), max(gaps))
    # Review 124: that range is torch.rand's draws; 2000 maps from NumPy's default_rng (float64 values rounded to
    # float32) end below it, at about 2.5e-5, so the page names the generator.
    drawn = [
        gap(torch.from_numpy(np.random.default_rng(seed).random((1, 2, 2, 999)).astype(np.float32)))
        for seed in range(2000)
    ]
    assert max(drawn) < 2.55e-5, max(drawn)
    assert_pages_say(
        ("onnx-export.md", "differs by 1.3·10⁻⁵ to 2.6·10⁻⁵ on `torch.rand` values over 2000 seeds"),
        ("onnx-export.zh.md", "`torch.rand` 生成的随机数据在 2000 个种子上相差 1.3·10⁻⁵ 到 2.6·10⁻⁵"),
    )
    assert gap(torch.linspace(0, 1, 999).expand(1, 2, 2, 999).contiguous()) < 1e-6
    # Review 34: that range is the 2-row map's; from 3 rows the gap drops below it.
    gaps = [gap(torch.rand(1, 2, 3, 999, generator=torch.Generator().manual_seed(seed))) for seed in range(400)]
    assert min(gaps) < 1.2e-5, min(gaps)


def test_antialias_keeps_an_unchanged_axis_bit_for_bit():
    # Review 24: review 23 read 120.0000076 in rows of 20 and 120 at x1.4 as the kept height
    # returned "only up to rounding"; it is the width pass (3 -> 4 columns) that rounds. With
    # antialias (and for uint8) the kept height equals resizing each row alone (height 1 -> 1),
    # bit for bit, in every dtype, layout and channel count tried.
    generator = torch.Generator().manual_seed(0)
    for (h, w), factor in itertools.product(((2, 3), (3, 7), (9, 12), (40, 5)), (1.05, 1.3, 1.4)):
        if int(h * factor) != h:
            continue
        for mode, antialias, dtype in (
            ("bicubic", True, torch.float32),
            ("bicubic", True, torch.float64),
            ("bilinear", True, torch.float32),
            ("bicubic", True, torch.uint8),
            ("bicubic", False, torch.uint8),
        ):
            for channels, channels_last in ((1, False), (3, True), (4, True), (5, False)):
                x = (torch.rand(1, channels, h, w, generator=generator) * 255).to(dtype)
                if channels_last:
                    x = x.contiguous(memory_format=torch.channels_last)
                y = F.interpolate(x, scale_factor=(factor, 1.7), mode=mode, antialias=antialias)
                rows = x.permute(2, 1, 0, 3).contiguous()
                rows = F.interpolate(rows, scale_factor=(1.0, 1.7), mode=mode, antialias=antialias).permute(2, 1, 0, 3)
                assert torch.equal(y, rows), (h, w, factor, mode, dtype, channels, channels_last)
    x = torch.tensor([20.0, 120.0]).reshape(1, 1, 2, 1).repeat(1, 1, 1, 3)
    assert torch.equal(F.interpolate(x, scale_factor=(1.4, 1.0), mode="bicubic", antialias=True), x)
    for page in ("onnx-export.md", "onnx-export.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "returns the axis only up to rounding" not in text and "只在舍入误差内还原这一维" not in text


def test_only_the_tables_sizes_all_take_the_cpu_channels_last_nearest_kernel(ns):
    # Review 30: the page said "out H + out W <= 128, as at every size here" right after the tests'
    # sweep, whose sizes up to 39 at x3 and x4 (33x4 x4: 132 + 16) take the other kernel; it now names
    # the four sizes of the table, where the nearest row (x2) does take the channels-last kernel.
    def channels_last_kernel(h, w, factor):
        return math.floor(h * factor) + math.floor(w * factor) <= 128

    assert all(channels_last_kernel(h, w, 2) for h, w in ns["RUN_SIZES"])
    assert not channels_last_kernel(33, 4, 4)
    # The kernel choice is what the text says: x1.1 on 5 rows copies them below the limit, not above.
    x = torch.arange(5.0).view(1, 1, 5, 1)

    def rows(width):
        return F.interpolate(x.expand(1, 1, 5, width), scale_factor=1.1, mode="nearest")[0, 0, :, 0]

    assert rows(20).tolist() == [0, 1, 2, 3, 4] and rows(120).tolist() == [0, 0, 1, 2, 3]
    for page in ("onnx-export.md", "onnx-export.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "every size here" not in text and "这里的各个尺寸都满足" not in text, page


def _quantized(shape, device="cpu"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch 2.14 deprecates the quantized dtypes
        x = torch.rand(shape, generator=torch.Generator().manual_seed(0)).to(device)
        return torch.quantize_per_tensor(x, 0.05, 3, torch.quint8)


def test_of_the_quantized_kernels_only_area_s_2d_pooling_has_a_cuda_one():
    # Review 42: "F.interpolate takes quantized tensors on the CPU only (the quantized kernels are CPU
    # kernels)" failed: _adaptive_avg_pool2d, which area runs on 3-D and 4-D input, has a QuantizedCUDA
    # kernel in this torch; every other op an accepted mode reaches has none.
    from torch.utils._python_dispatch import TorchDispatchMode

    class Ops(TorchDispatchMode):
        def __init__(self):
            super().__init__()
            self.ops = set()

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            self.ops.add(func._schema.name)
            return func(*args, **(kwargs or {}))

    on_cuda = {}
    for mode, rank in sorted(QUANTIZED_ACCEPTED):
        q = _quantized((1, 2, *[5] * (rank - 2)))
        with Ops() as seen:
            F.interpolate(q, size=[3] * (rank - 2), mode=mode)
        assert seen.ops, (mode, rank)
        on_cuda[mode, rank] = all(
            torch._C._dispatch_has_kernel_for_dispatch_key(op, "QuantizedCUDA") for op in seen.ops
        )
    assert {case for case, cuda in on_cuda.items() if cuda} == {("area", 3), ("area", 4)}
    assert torch._C._dispatch_has_kernel_for_dispatch_key("aten::quantize_per_tensor", "CUDA")
    for page in ("onnx-export.md", "onnx-export.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "on the CPU only" not in text and "只能在 CPU 上" not in text and "Pooling.cpp" in text, page


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA")
def test_quantized_area_runs_on_cuda_as_a_float_round_trip():
    # The CUDA kernel dequantizes, pools in float and quantizes again with the input's scale and zero point.
    for shape, size in (((1, 2, 7, 9), (3, 4)), ((2, 7, 9), (3, 4)), ((1, 2, 5), (2,))):
        q = _quantized(shape, "cuda")
        result = F.interpolate(q, size=size, mode="area")
        expected = torch.quantize_per_tensor(
            F.interpolate(q.dequantize(), size=size, mode="area"), q.q_scale(), q.q_zero_point(), q.dtype
        )
        assert result.is_cuda and result.is_quantized
        assert torch.equal(result.int_repr(), expected.int_repr()), shape


def test_mps_area_rule_names_every_refusal_in_the_source():
    # Review 42: "raises 'input sizes must be divisible by output sizes' (or output by input, when enlarging)
    # whenever one does not divide the other" left out two refusals of AdaptivePooling.mm (commit 0749d25):
    # a height kept while the width grows (it checks input % output, which fails), and a height that grows
    # while the width shrinks (a separate check). The MPS test below runs the rule where MPS exists.
    for page, words in (
        ("onnx-export.md", "a kept\n  height with a doubled width"),
        ("onnx-export.zh.md", "高度不变而宽度加倍"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert words in text and "whenever one does not divide the other" not in text, page


def test_mps_area_rule_is_the_2d_pooling_and_5d_area_has_no_mps_kernel():
    # Review 71: the page gave the MPS area rule and "the fallback variable does not help" for every area; 5-D area
    # (to any output but 1x1x1) runs _adaptive_avg_pool3d, which this torch's operator table gives no MPS kernel,
    # so there torch raises "not implemented for MPS" and the fallback variable does run it on the CPU.
    import torchgen
    from torch.utils._python_dispatch import TorchDispatchMode

    class Ops(TorchDispatchMode):
        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            self.seen.add(func.name())
            return func(*args, **(kwargs or {}))

    table = (Path(torchgen.__file__).parent / "packaged/ATen/native/native_functions.yaml").read_text()

    def dispatch_keys(op):
        block = table.split(f"- func: {op}(", 1)[1].split("\n\n", 1)[0]
        return {line.split(":")[0].strip() for line in block.splitlines() if line.startswith("    ")}

    assert "MPS" in dispatch_keys("_adaptive_avg_pool2d") and "MPS" not in dispatch_keys("_adaptive_avg_pool3d")
    for shape in ((1, 2, 6), (1, 2, 4, 6), (1, 2, 4, 4, 6)):
        for size in itertools.product((1, 2, 3, 12), repeat=len(shape) - 2):
            ops = Ops()
            ops.seen = set()
            with ops:
                F.interpolate(torch.rand(shape), size=size, mode="area")
            pools = {op for op in ops.seen if "adaptive" in op}
            expected = set() if set(size) == {1} else {f"aten::_adaptive_avg_pool{2 if len(shape) < 5 else 3}d"}
            assert pools == expected, (shape, size, ops.seen)
    for page, words in (
        ("onnx-export.md", "`area` on 3-D and 4-D input is not among them"),
        ("onnx-export.zh.md", "3 维和 4 维输入上的 `area` 不在其中"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert words in text, page
    assert "operator table lists no MPS kernel at all" in (ROOT / "docs/onnx-export.md").read_text(encoding="utf-8")
    assert "算子表里根本没有它的 MPS 实现" in (ROOT / "docs/onnx-export.zh.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not torch.backends.mps.is_available(), reason="no MPS")
def test_mps_area_accepts_only_dividing_sides_or_multiples_when_the_height_grows():
    x = torch.rand(1, 2, 4, 6, device="mps")
    for size, accepted in (
        ((2, 3), True),  # every output side divides the input's
        ((4, 3), True),
        ((8, 6), True),  # the height grows, sides are multiples
        ((8, 12), True),
        ((4, 4), False),  # 6 columns to 4
        ((4, 12), False),  # kept height, doubled width
        ((8, 3), False),  # grown height, halved width
    ):
        try:
            result = F.interpolate(x, size=size, mode="area")
        except (RuntimeError, NotImplementedError):
            assert not accepted, size
        else:
            assert accepted, size
            torch.testing.assert_close(result.cpu(), F.interpolate(x.cpu(), size=size, mode="area"))


@pytest.mark.parametrize("mode", ["nearest-exact", "antialias"])
def test_the_legacy_exporter_fails_on_nearest_exact_and_antialias_at_every_opset(ns, tmp_path, mode):
    # Review 42: "no translation for them at the opset it targets" suggested another opset might have one;
    # none from 9 to 20 does.
    kwargs = {
        "nearest-exact": {"scale_factor": 2, "mode": "nearest-exact"},
        "antialias": {"size": (3, 3), "mode": "bilinear", "antialias": True},
    }[mode]

    for opset in range(9, 21):
        with warnings.catch_warnings(), pytest.raises(Exception, match="not supported|Unsupported"):
            warnings.simplefilter("ignore")
            torch.onnx.export(
                ns["Interpolate"](**kwargs),
                (torch.rand(1, 2, 6, 7),),
                tmp_path / "m.onnx",
                dynamo=False,
                opset_version=opset,
            )
    for page in ("onnx-export.md", "onnx-export.zh.md"):
        assert "at the opset it targets" not in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


def test_the_cuda_cubic_antialias_report_is_cited_with_its_merged_fix():
    # Review 44: the page cited microsoft/onnxruntime#25264 (CUDA antialiased cubic ignores cubic_coeff_a and
    # truncates shrunk outputs) as "open", read as a current bug; the fix, PR #25265, was merged. The page
    # must cite the fix wherever it cites the report. (Neither can run here: no CUDA onnxruntime.)
    for page in ("onnx-export.md", "onnx-export.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "onnxruntime/issues/25264" in text and "onnxruntime/pull/25265" in text, page
        assert "open when this page was written" not in text and "撰写本页时仍未关闭" not in text, page


def test_default_exporter_takes_many_times_the_cpu_time_on_one_layer_too(ns, tmp_path):
    # Review 48: "many times the CPU time" came from the page's one timing of all layers, where the
    # legacy run also re-exports its failing layers one by one. The same holds for one layer that both
    # exporters translate (here both are warm: the example ran in this process): about 1.3 s against
    # 5 ms of CPU time on the AVX2 review machine.
    import time

    layer, x = nn.Upsample(scale_factor=2, mode="bilinear"), torch.rand(1, 2, 6, 7)
    seconds = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for dynamo in (True, False):
            started = time.process_time()
            torch.onnx.export(layer, (x,), tmp_path / f"{dynamo}.onnx", dynamo=dynamo)
            seconds[dynamo] = time.process_time() - started
    assert seconds[True] > 3 * seconds[False], seconds


# The DirectML provider's support check for Resize (QueryResize in onnxruntime's DmlOperatorResize.cpp
# at commit 59e75cf): it declines these attribute values.
def directml_declines(attributes):
    return (
        attributes.get("mode", "nearest") == "cubic"
        or attributes.get("exclude_outside", 0) != 0
        or attributes.get("extrapolation_value", 0.0) != 0.0
    )


def test_directml_support_check_declines_the_antialiased_resize_that_torch_writes(ns):
    # Review 48: the page said the DirectML provider "computes antialiasing by repeated halving whenever
    # the factor is below 0.5" (#19071), read as what an exported torch model gets there. Its support check
    # declines exclude_outside != 0, and torch's translations of both antialiased ops write exclude_outside=1,
    # so its check declines them; #19071 only describes DirectML's own antialiasing (and registered
    # Resize 18 behind DML_TARGET_VERSION >= 0x6300).
    from onnxscript.function_libs.torch_lib.ops import nn as torchlib_nn

    for function in (torchlib_nn.aten__upsample_bilinear2d_aa, torchlib_nn.aten__upsample_bicubic2d_aa):
        source = inspect.getsource(function)
        assert "exclude_outside=1" in source, function
    antialiased = [row for label, row in ns["results"][DEFAULT].items() if "antialias=True" in label]
    assert antialiased and all(directml_declines(row["attributes"]) for row in antialiased)
    for page, old in (
        ("onnx-export.md", "computes antialiasing by repeated halving"),
        ("onnx-export.zh.md", "用反复减半的方式实现抗混叠"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert old not in text and "DmlOperatorResize.cpp" in text and "exclude_outside=1" in text, page


class _AreaHalf(nn.Module):
    def forward(self, x):
        return F.interpolate(x, scale_factor=0.5, mode="area")


def test_dynamic_area_scale_factor_is_a_fixed_average_pool_that_differs_at_other_sizes(tmp_path):
    # Review 48: the page said "Both exporters write a scale_factor as constant scales" with no
    # condition. area has no Resize: exported with a dynamic height and width on 6x8 (0.5 divides it),
    # the default exporter writes one 2x2 AveragePool, which at 7x9 differs from eager torch (adaptive
    # windows of 3 pixels there); the legacy exporter fails on it.
    session = export_with_dynamic_height_and_width_on(_AreaHalf(), tmp_path, (6, 8))
    graph = onnx.load(tmp_path / "m.onnx").graph
    assert [node.op_type for node in graph.node] == ["AveragePool"]
    attributes = {a.name: onnx.helper.get_attribute_value(a) for a in graph.node[0].attribute}
    assert attributes["kernel_shape"] == [2, 2] and attributes["strides"] == [2, 2]
    for size, matches in (((6, 8), True), ((10, 12), True), ((7, 9), False)):
        x = torch.rand(1, 2, *size)
        result = session.run(None, {"x": x.numpy()})[0]
        eager = _AreaHalf()(x).numpy()
        assert result.shape == eager.shape, size
        assert (np.abs(result - eager).max() < MATCH) == matches, size
    with (
        warnings.catch_warnings(),
        pytest.raises(torch.onnx.errors.SymbolicValueError, match="output_size is not constant"),
    ):
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _AreaHalf(),
            (torch.rand(1, 2, 6, 8),),
            tmp_path / "legacy.onnx",
            dynamo=False,
            input_names=["x"],
            dynamic_axes={"x": {2: "h", 3: "w"}},
        )
    for page, old in (
        ("onnx-export.md", "- **Both exporters write a `scale_factor` as constant `scales`**"),
        ("onnx-export.zh.md", "- **两种导出器都把 `scale_factor` 写成常量 `scales`**"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert old not in text and "AveragePool" in text, page


@pytest.mark.parametrize(
    "how",
    [{"scale_factor": 2}, {"scale_factor": 0.5}, {"size": (2, 3, 4)}, {"size": (5, 7, 9)}, {"size": (1, 1, 2)}],
)
def test_the_default_exporter_fails_on_5d_area_but_to_1x1x1_and_exports_3d_and_4d(ns, tmp_path, how):
    # Review 52: "every nn.Upsample layer at x2 exports" was measured on 4-D area only; 5-D area has no
    # ONNX function for aten._adaptive_avg_pool3d (but to 1x1x1: the next test).
    import onnxruntime

    def area(**kwargs):
        return ns["Interpolate"](mode="area", **kwargs)

    x = torch.rand(1, 2, 4, 6, 8)
    with warnings.catch_warnings(), pytest.raises(Exception, match="_adaptive_avg_pool3d"):
        warnings.simplefilter("ignore")
        torch.onnx.export(area(**how), (x,), tmp_path / "m.onnx", dynamo=True)
    for lower in (x[:, :, 0], x[:, :, 0, 0]):
        size = {"size": how["size"][-(lower.dim() - 2) :]} if "size" in how else how
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(area(**size), (lower,), tmp_path / "m.onnx", dynamo=True)
        session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])
        result = session.run(None, {session.get_inputs()[0].name: lower.numpy()})[0]
        assert np.abs(result - area(**size)(lower).numpy()).max() < MATCH, (lower.dim(), size)


def test_the_default_exporter_exports_5d_area_to_1x1x1_as_a_mean(tmp_path):
    # Review 58: "5-D area does not export at any factor or size" broke at a 1x1x1 output (a size, or
    # factors that floor to it): adaptive_avg_pool3d takes the mean there, which exports and matches.
    import onnxruntime

    x = torch.rand(1, 2, 4, 6, 8)
    for how in ({"size": (1, 1, 1)}, {"scale_factor": (0.25, 1 / 6, 0.125)}):
        layer = nn.Upsample(mode="area", **how)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(layer, (x,), tmp_path / "m.onnx", dynamo=True)
        session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])
        result = session.run(None, {session.get_inputs()[0].name: x.numpy()})[0]
        assert result.shape == (1, 2, 1, 1, 1) and np.abs(result - layer(x).numpy()).max() < MATCH, how
    assert_pages_say(("onnx-export.md", "but a 1×1×1 output"), ("onnx-export.zh.md", "除了输出为 1×1×1 的情况"))


def test_the_legacy_exporter_exports_area_with_a_size_only_where_each_side_divides(ns, tmp_path):
    # Review 52: the page named only scale_factor as what fails; with a size, every output side must
    # divide the input side (enlarging fails too).
    import onnxruntime

    def area(size):
        return ns["Interpolate"](size=size, mode="area")

    # Review 70: the page said it exports "as AveragePool", swept on 4-D only; a size of all ones exports as
    # GlobalAveragePool, at every rank, so the page no longer names the operator. 3-D and 5-D swept too.
    sizes = {
        (1, 2, 8): ((4,), (8,), (1,), (2,), (3,), (16,)),
        (1, 2, 6, 8): ((3, 4), (6, 8), (2, 8), (1, 2), (1, 1), (3, 3), (4, 5), (12, 16), (6, 16), (1, 3)),
        (1, 2, 4, 6, 8): ((2, 3, 4), (4, 6, 8), (1, 1, 1), (1, 2, 8), (2, 3, 3), (8, 6, 8)),
    }
    for shape, size in ((shape, size) for shape, several in sizes.items() for size in several):
        x = torch.rand(shape)
        divides = all(n % m == 0 for n, m in zip(x.shape[2:], size))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if not divides:
                with pytest.raises(Exception, match="not factor of input size"):
                    torch.onnx.export(area(size), (x,), tmp_path / "m.onnx", dynamo=False)
                continue
            torch.onnx.export(area(size), (x,), tmp_path / "m.onnx", dynamo=False)
        pool = "GlobalAveragePool" if set(size) == {1} else "AveragePool"
        assert [node.op_type for node in onnx.load(tmp_path / "m.onnx").graph.node] == [pool], size
        session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])
        result = session.run(None, {session.get_inputs()[0].name: x.numpy()})[0]
        assert np.abs(result - area(size)(x).numpy()).max() < MATCH, size
    for page, words in (
        ("onnx-export.md", "it exports, and\n  matches, only when"),
        ("onnx-export.zh.md", "才能导出，结果也一致"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert words in text and "导出为 `AveragePool`" not in text and "(as\n  `AveragePool`" not in text, page


def test_static_area_shrink_by_a_dividing_factor_is_an_average_pool_not_gathers(tmp_path):
    # Review 48: the page said nearest-exact, linear and area are written out "with gathers and
    # arithmetic", true of its x2 rows; area at 0.5 on 6x8 (which 0.5 divides) is one AveragePool.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(_AreaHalf(), (torch.rand(1, 2, 6, 8),), tmp_path / "m.onnx", dynamo=True)
    assert [node.op_type for node in onnx.load(tmp_path / "m.onnx").graph.node] == ["AveragePool"]
    for page, scoped in (
        ("onnx-export.md", "at ×2 the exporter writes"),
        ("onnx-export.zh.md", "放大 2 倍时，导出器用 gather"),
    ):
        assert scoped in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


def test_quantized_kernels_refuse_only_two_kinds_of_empty_input_that_float_accepts():
    # Review 50: "Accepted: nearest and nearest-exact on 4-D and 5-D inputs" broke at an empty batch: the
    # quantized 5-D kernels raise "Non-empty 5D data tensor expected", float 5-D and quantized 4-D return one.
    # Review 52: area with no channels, on 3-D and 4-D input, is the other case; every other empty side agrees.
    # Review 63: "5-D input with an empty batch" was one case too wide: with no channels either, float 5-D raises
    # too, so one or two sides are emptied at a time here.
    ranks = {"nearest": (4, 5), "nearest-exact": (4, 5), "bilinear": (4,), "area": (3, 4, 5)}
    names = {0: "batch", 1: "channels"}
    differ = set()
    for (mode, mode_ranks), (dtype, zero_point) in itertools.product(
        ranks.items(), ((torch.quint8, 3), (torch.qint8, 0))
    ):
        for rank in mode_ranks:
            for empties in [(side,) for side in range(rank)] + list(itertools.combinations(range(rank), 2)):
                shape = [2, 3] + [4] * (rank - 2)
                for side in empties:
                    shape[side] = 0
                for how in ({"scale_factor": 2}, {"scale_factor": 0.5}, {"size": (3,) * (rank - 2)}):
                    accepted = []
                    for x in (
                        torch.zeros(shape),
                        torch.quantize_per_tensor(torch.zeros(shape), 0.1, zero_point, dtype),
                    ):
                        try:
                            F.interpolate(x, mode=mode, **how)
                            accepted.append(True)
                        except RuntimeError:
                            accepted.append(False)
                    if accepted != [accepted[0]] * 2:
                        assert accepted == [True, False], (mode, shape, how)
                        differ.add((mode, rank, "+".join(names.get(side, "side") for side in empties)))
    assert differ == {
        ("nearest", 5, "batch"),
        ("nearest-exact", 5, "batch"),
        ("area", 3, "channels"),
        ("area", 3, "batch+channels"),
        ("area", 4, "channels"),
        ("area", 4, "batch+channels"),
    }
    for page, text in (
        ("onnx-export.md", "on 5-D input with an empty batch and no other empty side"),
        ("onnx-export.zh.md", "5 维输入只有 batch 为空（其他各维都不为空）时"),
    ):
        assert text in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


def test_dynamic_nearest_exact_at_a_fractional_factor_differs_even_at_its_export_size(ns, tmp_path):
    # Review 56: the page's nearest-exact rows are static and at x2. Exported with a dynamic height and width,
    # nearest-exact is gathers whose indices the graph computes; at x1.7 (and x0.7) they part from eager torch
    # already at the 6x7 export size, while a static export at x1.7 matches there and x2, x3, x0.5 match at every
    # size run here.
    def nearest_exact(factor):
        return ns["Interpolate"](scale_factor=factor, mode="nearest-exact")

    x = torch.arange(42.0).view(1, 1, 6, 7)
    for factor, matches in ((2, True), (3, True), (0.5, True), (1.7, False), (0.7, False)):
        session = export_with_dynamic_height_and_width_on(nearest_exact(factor), tmp_path, (6, 7))
        assert "Resize" not in {node.op_type for node in onnx.load(tmp_path / "m.onnx").graph.node}
        for size in ((6, 7), (9, 12), (31, 17)):
            z = torch.arange(float(size[0] * size[1])).view(1, 1, *size).expand(1, 2, *size).contiguous()
            result, eager = session.run(None, {"x": z.numpy()})[0], nearest_exact(factor)(z).numpy()
            assert result.shape == eager.shape, (factor, size)
            if matches:
                assert np.array_equal(result, eager), (factor, size)
            elif size == (6, 7):
                assert not np.array_equal(result, eager), factor
        if factor == 1.7:
            # at 6x7, output column 8: onnxruntime copies input column 4, torch column 5
            assert session.run(None, {"x": x.expand(1, 2, 6, 7).numpy()})[0][0, 0, 0, 8] == 4
            assert nearest_exact(1.7)(x)[0, 0, 0, 8] == 5
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(nearest_exact(1.7), (x,), tmp_path / "static.onnx", dynamo=True)
    import onnxruntime

    static = onnxruntime.InferenceSession(tmp_path / "static.onnx", providers=["CPUExecutionProvider"])
    assert np.array_equal(static.run(None, {static.get_inputs()[0].name: x.numpy()})[0], nearest_exact(1.7)(x).numpy())
    assert_pages_say(
        ("onnx-export.md", "`nearest-exact` (not in the table)"),
        ("onnx-export.zh.md", "`nearest-exact`（不在表中）"),
    )


def test_the_cases_comment_names_which_inputs_have_an_odd_width():
    # Review r130-7: the cases cell's comment said "The input sizes are odd on purpose (7 columns)"; the 4-D input
    # is 6x7 and the 5-D one 4x5x7 (even heights and depths), and the 6x8 input, the 2x2 one and the 3x45 one
    # are there for other reasons. The comment now names the 7 columns of the 3-D, 4-D and 5-D inputs and the
    # 6x8 input that 0.5 divides; the shapes are read from the script, and 0.5 must split exactly those.
    text = (Path(__file__).parents[2] / "examples" / "onnx_export.py").read_text(encoding="utf-8")
    shapes = {
        name: tuple(int(n) for n in dims.split(","))
        for name, dims in re.findall(r'"(x\w+)": torch\.rand\(([\d, ]+)\)', text)
    }
    assert {name: shape[2:] for name, shape in shapes.items() if name in ("x3", "x4", "x5", "x4_even")} == {
        "x3": (7,),
        "x4": (6, 7),
        "x5": (4, 5, 7),
        "x4_even": (6, 8),
    }
    assert all(shapes[name][-1] % 2 == 1 for name in ("x3", "x4", "x5")) and shapes["x4_even"][-1] % 2 == 0
    assert not all(side % 2 for name in ("x3", "x4", "x5") for side in shapes[name][2:])
    assert "The input sizes are odd on purpose" not in text
    assert (
        "# One layer per combination. The 3-D, 4-D and 5-D inputs have 7 columns on purpose, so that a\n"
        "# scale factor of 0.5 does not divide them exactly (their heights and depths, 6, 4 and 5, are\n"
        "# not all odd); the antialias case that needs it to divide them runs on a 6x8 input."
    ) in text


def test_the_docstring_names_the_one_mode_the_upsample_layers_leave_out():
    # Review r131-7: the example's docstring (its notebook's first cell) said "torch.onnx.export of nn.Upsample for
    # every mode and align_corners"; the page says "every mode (but lanczos, which does not export)", the cases
    # build no lanczos layer, and nn.Upsample cannot even run it (lanczos needs antialias=True, which it does not
    # take). The modes torch accepts are read off its own error message; the cases' modes off the script.

    with pytest.raises(NotImplementedError) as caught:
        F.interpolate(torch.rand(2, 2), scale_factor=2)
    accepted = set(re.search(r"modes: ([\w| -]+) \(", str(caught.value)).group(1).replace(" ", "").split("|"))
    text = (ROOT / "examples" / "onnx_export.py").read_text(encoding="utf-8")
    upsampled = set(re.findall(r'\("([\w-]+)", \d\)', re.search(r"for mode, rank in \((.*)\):", text).group(1)))
    assert "nearest-exact" in upsampled and accepted - upsampled == {"lanczos"}, (accepted, upsampled)
    with pytest.raises(ValueError, match="antialias=True"):
        nn.Upsample(scale_factor=2, mode="lanczos")(torch.rand(1, 1, 4, 4))
    docstring = docstring_of(text)
    assert "for every mode and ``align_corners``" not in docstring
    assert (
        "``torch.onnx.export`` of ``nn.Upsample`` for every mode but ``lanczos`` (which runs only with "
        "``antialias=True``, and which neither exporter translates) and every ``align_corners``"
    ) in docstring
    assert_pages_say(("onnx-export.md", "This page exports every mode (but `lanczos`, which does not export"))


def test_the_pages_pointers_into_the_printed_tables_land_on_what_they_name(ns):
    """Review r132-7: the page points at printed output by place: the size computed from x.shape is constant in "the
    last row of the first table" and Shape arithmetic in "the last row of the second table"; the dynamic tables'
    "last column" runs the widths 2 to 200 and lists the x1.4 widths; the quantized cell's "first line above" is
    torch's deprecation warning (en and zh). Each pointer is checked against what the cells print."""
    printed = printed_by("onnx_export.py").splitlines()

    def table_after(marker):
        start = next(i for i, line in enumerate(printed) if line.startswith(marker))
        head = next(i for i in range(start, len(printed)) if printed[i].startswith("|"))
        end = next((i for i in range(head, len(printed)) if not printed[i].startswith("|")), len(printed))
        return printed[head:end]

    first, second = table_after("**dynamo=True (default)**, opset"), table_after("**dynamo=False (legacy)**, opset")
    shape_label = "`F.interpolate(size=(2 * x.shape[-2], 2 * x.shape[-1]), mode='bilinear')`"
    assert first[-1].startswith(f"| {shape_label} |") and "`sizes` [1, 2, 12, 14]" in first[-1], first[-1]
    assert second[-1].startswith(f"| {shape_label} |") and "`Shape`" in second[-1], second[-1]
    assert "`Shape`" not in first[-1] and "[1, 2, 12, 14]" not in second[-1]
    for marker in ("**dynamo=True (default)**, exported on", "**dynamo=False (legacy)**, exported on"):
        rows = table_after(marker)
        assert rows[0].rstrip().endswith("| input widths 2 to 200 with another output width |"), rows[0]
        x14 = next(row for row in rows if row.startswith("| `scale_factor=1.4, bilinear` |"))
        assert re.search(r"\| \d+: 45, 85, 90, [^|]*\|$", x14.rstrip()), x14
    quantized = next(i for i, line in enumerate(printed) if line.startswith("| mode | input rank | antialias |"))
    cell_start = next(i for i, line in enumerate(printed) if line.startswith("bicubic against exclude_outside=1:")) + 1
    assert "deprecated" in printed[cell_start] and all(not line.strip() for line in printed[cell_start + 1 : quantized])
    assert_pages_say(
        ("onnx-export.md", "by the default exporter (last row of the first table)"),
        ("onnx-export.md", "the legacy exporter keeps the `Shape` arithmetic (last row of the second table)"),
        ("onnx-export.md", "The last column runs every input width from 2 to 200"),
        ("onnx-export.md", "At ×1.4 the last column lists the widths (45, 85, 90, …)"),
        ("onnx-export.md", "(the first line above is torch's own warning)"),
        ("onnx-export.zh.md", "（第一张表的最后一行）"),
        ("onnx-export.zh.md", "旧版导出器保留了 `Shape` 运算（第二张表的最后一行）"),
        ("onnx-export.zh.md", "最后一列把输入宽度从 2 到 200 逐一跑一遍"),
        ("onnx-export.zh.md", "×1.4 那一行的最后一列列出了"),
        ("onnx-export.zh.md", "（上面第一行就是 torch 自己给出的警告）"),
    )


def test_the_42_and_40_copies_link_lands_on_the_section_that_shows_them():
    """ "(the [coordinates page](interpolate-coordinates.md) shows where this happens)" landed on the top of that page;
    the 2 -> 82 case, pixel 0 copied 42 times, is in its section on single precision (noticed by review r138-7)."""
    coordinates = (ROOT / "docs" / "interpolate-coordinates.md").read_text(encoding="utf-8")
    section = coordinates.split("## Single precision in the nearest modes\n", 1)[1].split("\n## ", 1)[0]
    assert "copy pixel 0 42 times" in section
    coordinates_zh = (ROOT / "docs" / "interpolate-coordinates.zh.md").read_text(encoding="utf-8")
    assert "\n## 最近邻模式里的单精度\n" in coordinates_zh
    assert_pages_say(
        (
            "onnx-export.md",
            "(the [coordinates page](interpolate-coordinates.md#single-precision-in-the-nearest-modes) shows where",
        ),
        ("onnx-export.zh.md", "（[坐标页](interpolate-coordinates.md#最近邻模式里的单精度)说明了"),
    )
