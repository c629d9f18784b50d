"""The claims of docs/onnx-export*.md, asserted on the example's exports and onnxruntime runs."""

import inspect
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

pytest.importorskip("onnxruntime", reason="onnxruntime is not installed")
pytest.importorskip("onnxscript", reason="onnxscript is not installed (the default exporter needs it)")

from helpers import ROOT, run_example  # noqa: E402

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
    # "much longer": several times, although the legacy run also re-exports its failing layers one by one.
    assert ns["seconds"][DEFAULT] > 3 * ns["seconds"][LEGACY]


def test_every_layer_exports_and_matches_with_the_default_exporter(ns):
    for label, row in ns["results"][DEFAULT].items():
        assert row["error"] is None, label
        if label.startswith("nn.Upsample(scale_factor=2,"):
            assert row["difference"] < MATCH, label


def test_default_exporter_attributes(ns):
    rows = ns["results"][DEFAULT]
    nearest = rows[upsample("nearest")]["attributes"]
    assert (nearest["mode"], nearest["coordinate_transformation_mode"], nearest["nearest_mode"]) == ("nearest", "asymmetric", "floor")
    for mode, onnx_mode in (("bilinear", "linear"), ("bicubic", "cubic"), ("trilinear", "linear")):
        for align, transform in ((False, "half_pixel"), (True, "align_corners")):
            attributes = rows[upsample(mode, align)]["attributes"]
            assert attributes["mode"] == onnx_mode and attributes["coordinate_transformation_mode"] == transform
    assert rows[upsample("bicubic", False)]["attributes"]["cubic_coeff_a"] == pytest.approx(-0.75)
    for label in (upsample("nearest-exact"), upsample("linear", False), upsample("linear", True), upsample("area")):
        assert "Resize" not in rows[label]["ops"] and rows[label]["attributes"] == {}, label


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


def test_scale_factor_mismatch_comes_from_sizes_without_scales(ns):
    rows = ns["results"][DEFAULT]
    scale, size = rows[aa("bilinear", "scale")], rows[aa("bilinear", "size")]
    assert scale["target"] == size["target"] == "sizes [1, 2, 3, 3]"
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
    failing = [k for k in range(2, 101) if not torch.equal(
        F.interpolate(row, scale_factor=k, mode="nearest")[0, 0], torch.arange(2 * k).div(k, rounding_mode="floor").float())]
    assert 41 in failing and 2 not in failing and len(failing) < 20


def test_legacy_exporter(ns):
    default, legacy = ns["results"][DEFAULT], ns["results"][LEGACY]
    for mode in ("nearest", "linear", "bilinear", "bicubic", "trilinear"):
        for align in (None,) if mode == "nearest" else (False, True):
            label = upsample(mode, align)
            assert legacy[label]["error"] is None and legacy[label]["difference"] < MATCH, label
            assert "Resize" in legacy[label]["ops"]
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

    cases = [((6, 7), (11, 5), "bilinear"), ((6, 7), (11, 5), "bicubic"), ((6, 7), (13, 15), "bicubic"),
             ((9, 9), (4, 2), "bicubic"), ((64, 64), (17, 23), "bilinear"), ((5, 5), (5, 2), "bicubic")]

    class Layers(nn.Module):
        def forward(self, *xs):
            return tuple(F.interpolate(x, size=size, mode=mode, antialias=True) for x, (_, size, mode) in zip(xs, cases))

    xs = tuple(torch.rand(1, 2, *shape) for shape, _, _ in cases)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(Layers(), xs, tmp_path / "m.onnx", dynamo=True, input_names=[f"x{i}" for i in range(len(xs))])
    session = onnxruntime.InferenceSession(tmp_path / "m.onnx", providers=["CPUExecutionProvider"])
    outputs = session.run(None, {f"x{i}": x.numpy() for i, x in enumerate(xs)})
    for (shape, size, mode), x, result in zip(cases, xs, outputs):
        eager = F.interpolate(x, size=size, mode=mode, antialias=True).numpy()
        assert np.abs(result - eager).max() < MATCH, (shape, size, mode)
