"""The claims of docs/torch-compile*.md: F.interpolate and Downsample under torch.compile.

The example compiles three functions with Inductor (each takes minutes on a busy 2-core
machine), so the module runs it once and asserts on its values.
"""

import pytest
import torch
import torch.nn.functional as F
from _downsample import Downsample

from helpers import run_example

EXACT = ("nearest", "nearest-exact", "bilinear, antialias", "bicubic, antialias")
ROUNDED = ("bilinear", "bicubic")


@pytest.fixture(scope="module")
def ns():
    return run_example("torch_compile.py")


def test_every_setting_compiled(ns):
    settings = {name for name, _, size in ns["cases"] if size == ns["SIZE"]}
    assert settings == set(ns["INTERPOLATE_SETTINGS"]) and len(ns["DTYPES"]) == 4


def test_exact_settings_are_bitwise_in_every_dtype(ns):
    for (name, dtype, _), r in ns["results"].items():
        if name in EXACT:
            assert r["bitwise"], (name, dtype)


def test_bilinear_and_bicubic_differ_by_rounding_only(ns):
    for (name, dtype, _), r in ns["results"].items():
        if name in ROUNDED:
            # not bitwise where the dtype has more bits than bfloat16 and float16 ...
            if dtype in (torch.float32, torch.float64):
                assert not r["bitwise"], (name, dtype)
            # ... and never by more than a rounding error
            assert 0 <= r["eps"] <= 64, (name, dtype, r)


def test_cpu_rejects_low_precision_antialias_in_eager(ns):
    if ns["device"].type != "cpu":
        pytest.skip("the CPU's dtype list")
    missing = {(name, dtype, ns["SIZE"]) for name in ns["INTERPOLATE_SETTINGS"] for dtype in ns["DTYPES"]} - set(
        ns["cases"]
    )
    assert missing == {
        (name, dtype, ns["SIZE"])
        for name in ("bilinear, antialias", "bicubic, antialias")
        for dtype in (torch.bfloat16, torch.float16)
    }


def test_area_is_bitwise_at_one_size_and_not_at_the_other(ns):
    results, size, other = ns["results"], ns["SIZE"], ns["AREA_SIZE"]
    assert all(results["area", dtype, size]["bitwise"] for dtype in ns["DTYPES"])
    if ns["device"].type == "cpu":  # the counterexample the page shows, on the CPU's generated code
        assert not results["area", torch.float32, other]["bitwise"]
    assert all(results["area", dtype, other]["eps"] <= 64 for dtype in ns["DTYPES"])


def test_repeatable(ns):
    assert all(r["repeatable"] for r in ns["results"].values())


def test_only_the_antialias_settings_fall_back(ns):
    assert {name for name, back in ns["falls_back"].items() if back} == {"bilinear, antialias", "bicubic, antialias"}
    assert ns["aten_op"]["bilinear, antialias"] == "aten._upsample_bilinear2d_aa.default"
    assert ns["aten_op"]["area"] == "aten._adaptive_avg_pool2d.default"
    # Inductor lowers nearest and the adaptive pool itself and decomposes bilinear and bicubic;
    # the antialias kernels it neither decomposes nor lowers (once compiled they get a fallback).
    lowerings = torch._inductor.lowering.lowerings
    assert torch.ops.aten.upsample_nearest2d.default in lowerings
    assert torch.ops.aten._adaptive_avg_pool2d.default in lowerings
    decompositions = torch._decomp.decomposition_table
    assert torch.ops.aten.upsample_bilinear2d.default in decompositions
    assert torch.ops.aten.upsample_bicubic2d.default in decompositions
    assert torch.ops.aten._upsample_bilinear2d_aa.default not in decompositions
    assert torch.ops.aten._upsample_bicubic2d_aa.default not in decompositions


def test_first_call_is_the_compilation(ns):
    median, _, upper = ns["later"]["compiled"]
    assert ns["first_call"] > 1.0 and ns["first_call"] * 1e3 > 100 * upper


def test_open_issues_reproduce_on_this_torch(ns):
    if ns["device"].type != "cpu":
        pytest.skip("the reports' CPU reproducers")
    assert ns["reproduced"] == {"#175154": True, "#198201": True}
    t, kwargs = ns["reports"]["#175154"]
    assert F.interpolate(t, **kwargs).flatten().tolist() == [1.0, 2.0]


BITWISE_METHODS = ("max", "avg", "antialias-bilinear", "blur", "pixel-unshuffle")


def test_downsample_under_inductor(ns):
    diff, sizes = ns["downsample_diff"], ns["sizes"]
    assert sizes == [(33, 30), (5, 7), (3, 3)]
    # every method ran at every size it takes, and only there
    expected = {
        (method, size)
        for method in Downsample.METHODS
        for size in sizes
        if not (method == "max-blur" and size == (3, 3))
    }
    assert set(diff) == expected
    for (method, size), value in diff.items():
        assert value <= 1e-14, (method, size, value)  # float64 rounding at values of a few units
        if method in BITWISE_METHODS:
            assert value == 0, (method, size)
    if ns["device"].type == "cpu":  # the page's counterexamples: not bitwise at some size
        for method in ("area", "max-blur", "conv"):
            assert any(diff[method, size] > 0 for size in sizes if (method, size) in diff), method
