"""The claims of docs/interpolate-dtypes*.md. "On the CPU" claims are checked on CPU tensors."""

import ast
import contextlib
import io
import itertools
import random
import re
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from helpers import (
    ROOT,
    assert_pages_say,
    assert_width_one_bug_links_land_on_its_section,
    printed_by,
    run_example,
    run_python,
)

sys.path.insert(0, str(ROOT / "examples"))
from _settings import lanczos_works  # noqa: E402

# lanczos is newer than the other modes: a torch without it rejects the mode altogether.
HAS_LANCZOS = lanczos_works("cpu")
# torch's vectorised uint8 kernel (at most 4 channels) is compiled for AVX2 and newer only.
VECTORISED_UINT8 = torch.backends.cpu.get_cpu_capability().startswith("AVX")


@pytest.fixture(scope="module")
def ns():
    return run_example("interpolate_dtypes.py")


def works(dtype, **kwargs):
    try:
        F.interpolate(torch.zeros(1, 3, 8, 8, dtype=dtype), size=(4, 4), **kwargs)
        return True
    except (RuntimeError, NotImplementedError, ValueError):
        return False


def test_support_on_the_cpu(ns):
    assert ns["TRIED"]["lanczos"]["mode"] == "lanczos" and "antialias" not in ns["TRIED"]["lanczos"]
    for name, kwargs in ns["MODES"].items():
        if name.startswith("lanczos") and not HAS_LANCZOS:
            continue
        assert works(torch.float32, **kwargs) and works(torch.float64, **kwargs), name
        assert works(torch.uint8, **kwargs) == (name != "area"), name
        for half in (torch.float16, torch.bfloat16):
            assert works(half, **kwargs) == (not kwargs.get("antialias", False)), (name, half)


def test_area_is_adaptive_avg_pool_without_uint8():
    x = torch.rand(1, 3, 8, 8)
    assert torch.equal(F.interpolate(x, size=(4, 4), mode="area"), F.adaptive_avg_pool2d(x, (4, 4)))
    with pytest.raises(NotImplementedError, match="adaptive_avg_pool2d"):
        F.interpolate(torch.zeros(1, 3, 8, 8, dtype=torch.uint8), size=(4, 4), mode="area")


def test_support_table_matches_what_torch_does_on_each_device(ns):
    assert {where for where, _, _ in ns["support"]} == {"cpu", ns["device"].type}
    for (where, name, dtype), cell in ns["support"].items():
        try:
            F.interpolate(torch.zeros(1, 3, 8, 8, dtype=dtype, device=where), size=(4, 4), **ns["TRIED"][name])
            assert cell == "yes"
        except (RuntimeError, NotImplementedError, ValueError) as error:
            assert str(error).splitlines()[0] in cell


def test_float_bicubic_overshoots_the_edge(ns):
    assert ns["edge_float"].min().item() < 0
    assert ns["edge_float"].max().item() > 255


def test_uint8_bicubic_saturates_on_the_cpu(ns):
    out = F.interpolate(ns["edge"].cpu(), scale_factor=4, mode="bicubic")
    assert out.dtype == torch.uint8
    assert out.min().item() == 0 and out.max().item() == 255


def test_uint8_kernel_clamps_after_each_axis_not_once_at_the_end():
    # "the kernel clamps for you, after each axis": a diagonal 0/255 edge enlarged with bicubic
    # differs from the float result clamped once by many levels, and matches width pass, clamp,
    # height pass, clamp to within the rounding of the passes
    for n, k in ((8, 4), (12, 3), (20, 2)):
        y, x = torch.meshgrid(torch.arange(n), torch.arange(n), indexing="ij")
        edge = ((x > y) * 255).float()[None, None]
        u = F.interpolate(edge.to(torch.uint8), scale_factor=k, mode="bicubic").float()
        once = F.interpolate(edge, scale_factor=k, mode="bicubic").clamp(0, 255).round()
        assert (u - once).abs().max() > 10, (n, k)
        wide = F.interpolate(edge, size=(n, n * k), mode="bicubic").round().clamp(0, 255)
        two_pass = F.interpolate(wide, size=(n * k, n * k), mode="bicubic").round().clamp(0, 255)
        assert (u - two_pass).abs().max() <= 2, (n, k)


def uint8_versus_models(ns, name, size):
    image, kwargs = ns["image"].cpu(), ns["MODES"][name]
    out = F.interpolate(image, size=size, **kwargs).float()
    once = (out - ns["to_uint8"](F.interpolate(image.float(), size=size, **kwargs))).abs().max().item()
    passes = (out - ns["two_pass"](image, size, **kwargs)).abs().max().item()
    return once, passes


SIZES = [(256, 256), (64, 64)]


@pytest.mark.parametrize("size", SIZES)
def test_uint8_rounding_on_the_cpu(ns, size):
    for name in ("nearest", "nearest-exact"):
        assert uint8_versus_models(ns, name, size)[0] == 0
    for name in ("bilinear", "bilinear, antialias"):
        assert uint8_versus_models(ns, name, size)[0] <= 1
    for name in ("bicubic", "bicubic, antialias") + ("lanczos, antialias",) * HAS_LANCZOS:
        once, passes = uint8_versus_models(ns, name, size)
        assert once > 3 and passes <= 2, (name, once, passes)


@pytest.mark.parametrize("size", [(200, 200), (37, 37), (181, 300), (16, 16), (129, 255), (400, 400)])
def test_two_pass_model_within_two_levels_at_more_sizes(ns, size):
    for name in ("bilinear, antialias", "bicubic", "bicubic, antialias") + ("lanczos, antialias",) * HAS_LANCZOS:
        assert uint8_versus_models(ns, name, size)[1] <= 2, (name, size)


@pytest.mark.parametrize("channels", [3, 5])
@pytest.mark.parametrize("antialias", [False, True])
def test_two_pass_model_misses_one_pixel_wide_outputs(ns, channels, antialias):
    # The bug hits the uint8 kernel (> 4 channels, or the generic kernel) or the model's float passes (antialias), not both.
    gen = torch.Generator().manual_seed(4)
    x = (torch.rand(1, channels, 10, 7, generator=gen) * 255).to(torch.uint8)
    out = F.interpolate(x, size=(20, 1), mode="bicubic", antialias=antialias).float()
    gap = (out - ns["two_pass"](x, (20, 1), mode="bicubic", antialias=antialias)).abs().max().item()
    uint8_wrong = channels > 4 or not VECTORISED_UINT8
    assert (gap > 2) == (antialias != uint8_wrong), gap


def test_rounding_table_is_from_the_float_overshoot(ns):
    for (name, size), (once, _, _) in ns["rounding"].items():
        if name.startswith("bicubic") or name.startswith("lanczos"):
            kwargs = ns["MODES"][name]
            as_float = F.interpolate(ns["image"].float(), size=size, **kwargs)
            assert as_float.min().item() < 0 or as_float.max().item() > 255


CL_SIZES = [
    ((h, w), (oh, ow))
    for h, w in ((1, 1), (2, 3), (5, 5), (24, 24), (37, 53))
    for oh, ow in ((1, 1), (3, 2), (7, 7), (12, 13), (61, 97))
]


@pytest.mark.parametrize(
    "dtype,channels",
    [(torch.float32, 3), (torch.float32, 32), (torch.bfloat16, 32), (torch.uint8, 3), (torch.uint8, 32)],
)
def test_channels_last_on_the_cpu(ns, dtype, channels):
    gen = torch.Generator().manual_seed(3)
    for name, kwargs in ns["MODES"].items():
        if name.startswith("lanczos") and not HAS_LANCZOS:
            continue
        for size_in, size_out in CL_SIZES:
            x = torch.rand(2, channels, *size_in, generator=gen)
            x = (x * 255).to(dtype) if dtype == torch.uint8 else x.to(dtype)
            last_in = x.contiguous(memory_format=torch.channels_last)
            try:
                plain = F.interpolate(x, size=size_out, **kwargs)
            except (RuntimeError, NotImplementedError) as error:
                # The known gaps: no uint8 area, no half-precision antialias, and 3-channel uint8 to 1x1.
                assert (
                    (dtype == torch.uint8 and name == "area")
                    or (dtype == torch.bfloat16 and kwargs.get("antialias"))
                    or (
                        VECTORISED_UINT8
                        and dtype == torch.uint8
                        and channels == 3
                        and size_out == (1, 1)
                        and size_in != (1, 1)
                    )
                ), (name, size_in, size_out, error)
                if dtype == torch.uint8 and channels == 3 and size_out == (1, 1) and name != "area":
                    F.interpolate(last_in, size=size_out, **kwargs)  # channels_last takes another path
                else:
                    with pytest.raises((RuntimeError, NotImplementedError)):
                        F.interpolate(last_in, size=size_out, **kwargs)
                continue
            last = F.interpolate(last_in, size=size_out, **kwargs)
            ulp = 0 if dtype == torch.uint8 else 4 * torch.finfo(dtype).eps
            assert (plain.double() - last.double()).abs().max().item() <= ulp, (name, size_in, size_out)
            if size_out != (1, 1):  # a 1x1 output is channels_last and contiguous at once
                assert last.is_contiguous(memory_format=torch.channels_last) == (size_in != (1, 1)), (
                    name,
                    size_in,
                    size_out,
                )


@pytest.mark.parametrize(
    "mode,channels,size_in,size_out",
    [("area", 32, (24, 24), (7, 7)), ("area", 3, (3, 3), (1, 1)), ("bilinear", 32, (37, 53), (61, 97))],
)
def test_channels_last_is_not_always_bitwise_equal(ns, mode, channels, size_in, size_out):
    x = torch.rand(2, channels, *size_in, generator=torch.Generator().manual_seed(0))
    kwargs = ns["MODES"][mode]
    plain = F.interpolate(x, size=size_out, **kwargs)
    last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=size_out, **kwargs)
    assert not torch.equal(plain, last)
    top, differ, _, _ = ns["memory"]["cpu", mode, f"float32, C={channels}"]
    assert top > 0 and (size_in, size_out) in differ


def test_channels_last_table_on_the_cpu(ns):
    for (where, name, case), (top, differ, lost, failed) in ns["memory"].items():
        if where != "cpu" or len(failed) == len(ns["LAYOUT_SIZES"]):  # a dtype the mode does not take
            continue
        assert lost == [((1, 1), (3, 3))], (name, case)
        if case.startswith("uint8"):
            assert top == 0
        assert set(failed) <= {((3, 3), (1, 1))}, (name, case)
        assert bool(failed) == (
            VECTORISED_UINT8 and case == "uint8, C=3" and name not in ("nearest", "nearest-exact", "area")
        ), (name, case)


@pytest.mark.skipif(not VECTORISED_UINT8, reason="this CPU has no AVX2: torch takes its generic uint8 kernel")
def test_three_channel_uint8_to_one_pixel_fails_on_the_cpu_in_the_contiguous_format(ns):
    x = torch.zeros(1, 3, 3, 3, dtype=torch.uint8)
    with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
        F.interpolate(x, size=(1, 1), mode="bilinear")
    F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(1, 1), mode="bilinear")
    F.interpolate(torch.zeros(1, 32, 3, 3, dtype=torch.uint8), size=(1, 1), mode="bilinear")
    assert ns["memory"]["cpu", "bilinear", "uint8, C=3"][3] == {
        ((3, 3), (1, 1)): "RuntimeError (contiguous input only)"
    }


@pytest.mark.skipif(not (HAS_LANCZOS and VECTORISED_UINT8), reason="this torch has no lanczos, or this CPU no AVX2")
@pytest.mark.parametrize("size_in", [(2, 1), (5, 1), (2, 2), (3, 3), (7, 2), (300, 300), (1, 2), (1, 5), (1, 300)])
@pytest.mark.parametrize(
    "mode,antialias",
    [("bilinear", False), ("bilinear", True), ("bicubic", False), ("bicubic", True), ("lanczos", True)],
)
def test_three_channel_uint8_to_one_pixel_fails_from_more_than_one_row(size_in, mode, antialias):
    if mode == "lanczos" and not HAS_LANCZOS:
        pytest.skip("this torch has no lanczos")
    x = torch.zeros(2, 3, *size_in, dtype=torch.uint8)
    if size_in[0] > 1:
        with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
            F.interpolate(x, size=(1, 1), mode=mode, antialias=antialias)
    else:
        assert F.interpolate(x, size=(1, 1), mode=mode, antialias=antialias).shape == (2, 3, 1, 1)


@pytest.mark.skipif(not VECTORISED_UINT8, reason="this CPU has no AVX2")
def test_only_three_channels_to_exactly_one_pixel_fail():
    for channels in (1, 2, 3, 4, 5):
        for size_out in ((1, 1), (1, 2), (2, 1)):
            x = torch.zeros(2, channels, 3, 4, dtype=torch.uint8)
            if (channels, size_out) == (3, (1, 1)):
                with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
                    F.interpolate(x, size=size_out, mode="bilinear")
            else:
                assert F.interpolate(x, size=size_out, mode="bilinear").shape == (2, channels, *size_out)


def test_three_channel_uint8_to_one_pixel_works_with_the_generic_kernel():
    # ATEN_CPU_CAPABILITY=default makes torch take its generic kernels (not what an ARM build runs: see below).
    code = (
        "import torch, torch.nn.functional as F; assert torch.backends.cpu.get_cpu_capability() == 'DEFAULT'; "
        "x = torch.zeros(2, 3, 3, 3, dtype=torch.uint8); "
        "[F.interpolate(x, size=(1, 1), mode=m, antialias=a) for m, a in (('bilinear', False), ('bicubic', True))]"
    )
    run_python(code, ATEN_CPU_CAPABILITY="default")


def test_uint8_in_3d_and_5d():
    for rank, modes in (
        (3, ("nearest", "nearest-exact", "linear", "area")),
        (5, ("nearest", "nearest-exact", "trilinear", "area")),
    ):
        for mode in modes:
            x = torch.zeros((1, 3) + (8,) * (rank - 2), dtype=torch.uint8)
            if mode.startswith("nearest"):
                assert F.interpolate(x, scale_factor=0.5, mode=mode).dtype == torch.uint8
            else:
                with pytest.raises(NotImplementedError):
                    F.interpolate(x, scale_factor=0.5, mode=mode)


@pytest.mark.parametrize("antialias", [False, True])
def test_uint8_bilinear_within_one_level_of_float_rounded_once(antialias):
    # Rounding between the passes moves a value by at most half a level: bilinear weights are >= 0.
    gen = torch.Generator().manual_seed(1)
    for h in (1, 2, 3, 5, 17, 32):
        for oh in (1, 2, 3, 7, 16, 31, 64, 100):
            for channels in (3, 8):
                x = (torch.rand(1, channels, h, h + 3, generator=gen) * 255).to(torch.uint8)
                out = F.interpolate(x, size=(oh, oh + 1), mode="bilinear", antialias=antialias).float()
                once = (
                    F.interpolate(x.float(), size=(oh, oh + 1), mode="bilinear", antialias=antialias)
                    .round()
                    .clamp(0, 255)
                )
                assert (out - once).abs().max().item() <= 1, (h, oh, channels)


@pytest.mark.parametrize("channels", [1, 3, 4, 5, 8])
@pytest.mark.parametrize("antialias", [False, True])
def test_uint8_bilinear_one_level_bound_breaks_one_pixel_wide(channels, antialias):
    # The page's exception: width-1 outputs from an input whose height changes hit the separable-kernel bug
    # (float with antialias; uint8 with > 4 channels or with the generic kernel), unless both sides hit it.
    gen = torch.Generator().manual_seed(2)
    x = (torch.rand(1, channels, 10, 7, generator=gen) * 255).to(torch.uint8)
    out = F.interpolate(x, size=(20, 1), mode="bilinear", antialias=antialias).float()
    once = F.interpolate(x.float(), size=(20, 1), mode="bilinear", antialias=antialias).round().clamp(0, 255)
    uint8_wrong = channels > 4 or not VECTORISED_UINT8
    assert ((out - once).abs().max().item() > 1) == (antialias != uint8_wrong)


_ONE_PIXEL_WIDE_IN_CHANNELS_LAST = (
    "import torch, torch.nn.functional as F\n"
    "def level(x):\n"
    "    return x.round().clamp(0, 255)\n"
    "gaps = []\n"
    "for channels in (2, 3, 4, 5, 8):\n"
    "    for seed, (h, w, oh) in enumerate(((10, 7, 20), (9, 5, 3), (4, 3, 11))):\n"
    "        x = torch.randint(0, 256, (1, channels, h, w), generator=torch.Generator().manual_seed(seed), dtype=torch.uint8)\n"
    "        x = x.contiguous(memory_format=torch.channels_last)\n"
    "        for antialias in (False, True):\n"
    "            out = F.interpolate(x, size=(oh, 1), mode='bilinear', antialias=antialias).float()\n"
    "            once = level(F.interpolate(x.float(), size=(oh, 1), mode='bilinear', antialias=antialias))\n"
    "            cubic = F.interpolate(x, size=(oh, 1), mode='bicubic', antialias=antialias).float()\n"
    "            wide = level(F.interpolate(x.float(), size=(h, 1), mode='bicubic', antialias=antialias))\n"
    "            passes = level(F.interpolate(wide, size=(oh, 1), mode='bicubic', antialias=antialias))\n"
    "            gaps.append(((out - once).abs().max().item(), (cubic - passes).abs().max().item()))\n"
    "print(max(g[0] for g in gaps), max(g[1] for g in gaps))\n"
)


@pytest.mark.parametrize("capability", ["default", None])
def test_one_pixel_wide_exception_to_the_uint8_bounds_is_for_contiguous_input(capability):
    # Review 54: the bullets put uint8 and float32 "far apart" at every width-1 output from an input whose height
    # changes; in channels_last with more than one channel neither hits the bug, and the one-level (bilinear) and
    # two-level (two-pass bicubic) bounds hold, with torch's vectorised code and with the generic one.
    if capability:
        printed = run_python(_ONE_PIXEL_WIDE_IN_CHANNELS_LAST, ATEN_CPU_CAPABILITY=capability)
    else:
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            exec(_ONE_PIXEL_WIDE_IN_CHANNELS_LAST, {})
        printed = printed.getvalue()
    bilinear, bicubic = map(float, printed.split())
    assert bilinear <= 1 and bicubic <= 2, (bilinear, bicubic)
    assert_pages_say(
        ("interpolate-dtypes.md", "escapes the bug in both dtypes"),
        ("interpolate-dtypes.zh.md", "两种数据类型都躲过了这个缺陷"),
    )


@pytest.mark.skipif(not HAS_LANCZOS, reason="this torch has no lanczos")
def test_lanczos_requires_antialias_for_every_dtype(ns):
    for dtype in ns["dtypes"]:
        assert ns["support"]["cpu", "lanczos", dtype] == "ValueError: Lanczos mode requires antialias=True"
        with pytest.raises(ValueError, match="requires antialias=True"):
            F.interpolate(torch.zeros(1, 1, 8, 8, dtype=dtype), size=(4, 4), mode="lanczos")


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_support_on_cuda_is_the_reverse_for_antialias():
    def on_cuda(dtype, **kwargs):
        try:
            F.interpolate(torch.zeros(1, 3, 8, 8, dtype=dtype, device="cuda"), size=(4, 4), **kwargs)
            return True
        except (RuntimeError, NotImplementedError, ValueError):
            return False

    for mode in ("bilinear", "bicubic"):
        for half in (torch.float16, torch.bfloat16):
            assert on_cuda(half, mode=mode, antialias=True)
        assert not on_cuda(torch.uint8, mode=mode, antialias=True)
        assert not on_cuda(torch.uint8, mode=mode)
    # Review 63: nearest-exact shares nearest's CUDA kernels (UpSampleNearest*.cu dispatch Byte for both)
    assert on_cuda(torch.uint8, mode="nearest") and on_cuda(torch.uint8, mode="nearest-exact")


def test_rounding_cell_names_both_nearest_modes_as_the_uint8_kernels_cuda_has():
    # Review 63: the rounding cell's comment said "Only the CPU has uint8 kernels beyond nearest"; CUDA's
    # nearest-exact takes uint8 too (it runs nearest's kernels with another index rule), which "beyond nearest"
    # leaves on the CPU-only side.
    source = (ROOT / "examples" / "interpolate_dtypes.py").read_text(encoding="utf-8")
    assert "beyond nearest," not in source and "(CUDA's stop at nearest and nearest-exact)" in source
    if torch.cuda.is_available():
        x = torch.randint(0, 256, (1, 3, 8, 8), dtype=torch.uint8, device="cuda")
        for mode in ("nearest", "nearest-exact"):
            assert torch.equal(
                F.interpolate(x, size=(5, 12), mode=mode).cpu(), F.interpolate(x.cpu(), size=(5, 12), mode=mode)
            )


def test_cpu_autocast_keeps_the_input_dtype_and_antialias_still_fails(ns):
    rows = ns["autocast"]
    for column in ("`bilinear`", "`bilinear, antialias`", "`area`", "`area`, 5-D"):
        assert rows["cpu", torch.float32, column] == "float32", column
    assert rows["cpu", torch.bfloat16, "`bilinear`"] == rows["cpu", torch.bfloat16, "`area`"] == "bfloat16"
    assert rows["cpu", torch.bfloat16, "`bilinear, antialias`"].startswith("NotImplementedError")


def test_cpu_autocast_antialias_fails_on_bfloat16_only_where_the_size_changes():
    # Review 91: the page said a bfloat16 tensor under CPU autocast "still meets the missing bfloat16 antialias
    # kernel"; at the input's own size (given a size, or a scale_factor that keeps it) the kernel copies the input.
    assert_pages_say(
        ("interpolate-dtypes.md", "an antialiased mode fails on bfloat16 input whenever the size changes"),
        ("interpolate-dtypes.zh.md", "开启抗混叠的模式遇到 bfloat16 输入，同样只要尺寸有变化就会报错"),
    )
    gen = torch.Generator().manual_seed(0)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        for mode, (h, w) in itertools.product(("bilinear", "bicubic", "lanczos"), [(1, 1), (1, 7), (10, 10), (9, 4)]):
            x = torch.rand(2, 3, h, w, generator=gen).to(torch.bfloat16)
            for kwargs in (dict(size=(h, w)), dict(scale_factor=1.05)):
                out = F.interpolate(x, mode=mode, antialias=True, **kwargs)
                assert out.dtype == torch.bfloat16 and torch.equal(out, x), (mode, h, w, kwargs)
            for size in ((h + 1, w), (h, w + 2), (2 * h + 1, 2 * w + 1)):
                with pytest.raises(NotImplementedError):
                    F.interpolate(x, size=size, mode=mode, antialias=True)


@pytest.mark.parametrize("rank", [3, 4, 5])
def test_cpu_autocast_runs_only_5d_area_in_float32(rank):
    # adaptive_avg_pool3d is on the CPU autocast's float32 list; no upsampling kernel is.
    modes = {
        3: ["nearest", "nearest-exact", "linear", "area"],
        4: ["nearest", "nearest-exact", "bilinear", "bicubic", "area"],
        5: ["nearest", "nearest-exact", "trilinear", "area"],
    }[rank]
    x = torch.rand((1, 2) + (8,) * (rank - 2), dtype=torch.bfloat16)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        for mode in modes:
            for kwargs in (dict(scale_factor=0.5), dict(scale_factor=3), dict(size=(5,) * (rank - 2))):
                expected = torch.float32 if (mode == "area" and rank == 5) else torch.bfloat16
                assert F.interpolate(x, mode=mode, **kwargs).dtype == expected, (rank, mode, kwargs)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_autocast_returns_float32_for_upsampling_kernels_but_not_for_area():
    with torch.autocast("cuda", dtype=torch.float16):
        for rank, modes in (
            (3, ("nearest", "linear")),
            (4, ("nearest", "nearest-exact", "bilinear", "bicubic")),
            (5, ("nearest", "trilinear")),
        ):
            x = torch.rand((1, 3) + (8,) * (rank - 2), device="cuda", dtype=torch.float16)
            for mode in modes:
                assert F.interpolate(x, scale_factor=0.5, mode=mode).dtype == torch.float32, mode
            assert F.interpolate(x, scale_factor=0.5, mode="area").dtype == torch.float16, rank
        x = torch.rand(1, 3, 16, 16, device="cuda", dtype=torch.float16)
        for mode in ("bilinear", "bicubic"):
            assert F.interpolate(x, scale_factor=0.5, mode=mode, antialias=True).dtype == torch.float32, mode


def test_cuda_autocast_float32_list_has_every_cuda_upsampling_kernel_but_not_lanczos():
    # Review 15: "every upsampling kernel" missed lanczos's, which has no CUDA kernel and is on no list.
    include = Path(torch.__file__).parent / "include" / "ATen"
    if not (include / "autocast_mode.h").exists():
        pytest.skip("torch installed without its C++ headers")
    header = (include / "autocast_mode.h").read_text(encoding="utf-8")
    fp32 = header.split("#define AT_FORALL_FP32(_)")[1].split("#define")[0]
    listed = set(re.findall(r"_\((_?upsample_\w+)\)", fp32))
    kernels = {f.name.removesuffix("_cuda_dispatch.h") for f in (include / "ops").glob("*upsample*_cuda_dispatch.h")}
    forward_cuda = {k for k in kernels if "backward" not in k}
    assert forward_cuda and forward_cuda <= listed, forward_cuda - listed
    assert hasattr(torch.ops.aten, "_upsample_lanczos2d_aa") and "_upsample_lanczos2d_aa" not in kernels
    assert "lanczos" not in header
    page = (ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8")
    assert "every upsampling kernel that CUDA has" in page and "every upsampling kernel, antialiased" not in page


def test_float16_gradient_note_is_read_from_the_docstring(ns):
    assert "float16" in ns["gradient_note"] and "104157" in ns["gradient_note"]


def test_zh_page_says_significant_bits_not_digits():
    page = (ROOT / "docs" / "interpolate-dtypes.zh.md").read_text(encoding="utf-8")
    assert "8 位有效数字" not in page and "8 个有效二进制位" in page


def test_half_types_lose_precision_by_storing_not_computing(ns):
    precision, by_factor = ns["precision"], ns["kernel_by_factor"]
    for where in ns["places"]:
        for dtype in (torch.float16, torch.bfloat16):
            eps = torch.finfo(dtype).eps
            kernels = [k for (w, name, d), (t, k) in precision.items() if w == where and d == dtype]
            assert kernels, (where, dtype)
            if where != "cpu":
                continue
            assert max(kernels) < eps, dtype  # "below one epsilon in this table"
            for (w, name, d, factor), kernel in by_factor.items():
                if (w, d) != (where, dtype):
                    continue
                # one rounding at the end: at most half an epsilon (values stay below 2), except
                # bicubic at the non-integer factors, whose weights are stored in the dtype
                rounded_once = kernel <= 0.5 * eps * (1 + 1e-3)
                assert rounded_once == (factor == "whole" or name != "bicubic"), (name, dtype, factor, kernel / eps)
        float32 = [k for (w, name, d), (t, k) in precision.items() if w == where and d == torch.float32]
        assert max(float32) > torch.finfo(torch.float32).eps, where
        assert min(float32) < torch.finfo(torch.float32).eps, where  # "in some modes"
        if where == "cpu":
            assert (
                max(k for (w, n, d, f), k in by_factor.items() if (w, d, f) == (where, torch.float32, "non-integer"))
                > 10 * torch.finfo(torch.float32).eps
            )


def test_precision_table_does_not_depend_on_earlier_cells(ns):
    # The precision cell run again after other random draws gives the same kernel errors,
    # so "below one epsilon in this table" is about one fixed image.
    from sitegen.cells import parse_script

    cell = next(c for c in parse_script(ROOT / "examples" / "interpolate_dtypes.py").cells if c.name == "precision")
    again = {k: ns[k] for k in ("torch", "F", "MODES", "FAILURES", "places")}
    torch.manual_seed(12345)
    torch.rand(1000)
    with contextlib.redirect_stdout(io.StringIO()):
        exec(cell.source, again)
    assert again["kernel_by_factor"] == ns["kernel_by_factor"]
    assert again["precision"] == ns["precision"]


def test_cpu_bicubic_stores_its_weights_in_half_precision():
    # The weights at x2 are exact in float16 (the kernel error stays at half an epsilon); at
    # 3 -> 7 they are not, and the kernel error passes one epsilon ("at some other sizes").
    x = torch.rand(2, 32, 3, 3, generator=torch.Generator().manual_seed(0), dtype=torch.float64).to(torch.float16)
    x = x.contiguous(memory_format=torch.channels_last)
    eps = torch.finfo(torch.float16).eps

    def kernel_error(size):
        return (
            F.interpolate(x, size=size, mode="bicubic").double() - F.interpolate(x.double(), size=size, mode="bicubic")
        ).abs().max().item() / eps

    assert kernel_error((6, 6)) <= 0.5 * (1 + 1e-3)
    assert kernel_error((7, 7)) > 1


def test_bfloat16_error_is_about_one_8bit_level_and_several_times_float16(ns):
    assert torch.finfo(torch.bfloat16).eps == 2.0**-7  # 8 significant bits
    for where in ns["places"]:
        bf16 = max(t for (w, name, d), (t, k) in ns["precision"].items() if w == where and d == torch.bfloat16)
        assert 0.5 / 255 < bf16 < 4 / 255  # of the order of one 8-bit level
    ratios = [r for (w, n), r in ns["bf16_over_fp16"].items() if w == "cpu"]
    assert len(ratios) == 5  # the modes without antialias
    # Several times, but mode by mode not all eight: measured 6.7 to 8.0 in this table.
    assert 6 < min(ratios) < 7.5 and 7.9 < max(ratios) < 8.5, ratios


def test_bfloat16_over_float16_is_no_fixed_factor_at_other_sizes():
    # "on outputs of a few pixels a side it spreads further": the same image, modes and sizes
    # of 1 to 3 pixels a side give ratios well below and above those of the table.
    x64 = torch.rand(1, 3, 32, 32, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    ratios = []
    for mode in ("nearest", "nearest-exact", "bilinear", "bicubic", "area"):
        kwargs = dict(mode=mode, align_corners=False) if mode in ("bilinear", "bicubic") else dict(mode=mode)
        for side in (1, 2, 3):
            ref = F.interpolate(x64, size=(side, side), **kwargs)
            err = {
                d: (F.interpolate(x64.to(d), size=(side, side), **kwargs).double() - ref).abs().max().item()
                for d in (torch.float16, torch.bfloat16)
            }
            ratios.append(err[torch.bfloat16] / err[torch.float16])
    assert min(ratios) < 5 and max(ratios) > 10, (min(ratios), max(ratios))


@pytest.mark.parametrize(
    "dtype,channels", [(torch.float32, 3), (torch.float32, 32), (torch.uint8, 3), (torch.uint8, 32)]
)
def test_channels_last_changes_only_last_bits_except_at_the_one_pixel_wide_bug(ns, dtype, channels):
    # The page's conclusion holds everywhere but at an output one pixel wide from an input whose
    # height changes, where the CPU's separable kernel gets the contiguous input wrong.
    gen = torch.Generator().manual_seed(5)
    sizes = [
        ((h, w), (oh, ow))
        for h, w in ((1, 4), (3, 1), (5, 7), (24, 24))
        for oh, ow in ((1, 1), (2, 1), (5, 1), (12, 1), (1, 3), (6, 5))
    ]
    for name, kwargs in ns["MODES"].items():
        if (name.startswith("lanczos") and not HAS_LANCZOS) or (dtype == torch.uint8 and name == "area"):
            continue
        separable = kwargs.get("antialias", False) or (dtype == torch.uint8 and name in ("bilinear", "bicubic"))
        separable = separable and not (
            dtype == torch.uint8 and channels <= 4 and VECTORISED_UINT8
        )  # torch's own AVX2 code
        for size_in, size_out in sizes:
            # a vertical ramp plus noise: the rows differ, so a wrong row shows
            x = torch.linspace(0, 0.8, size_in[0])[:, None] + 0.2 * torch.rand(2, channels, *size_in, generator=gen)
            x = (x * 255).to(dtype) if dtype == torch.uint8 else x
            if (
                dtype == torch.uint8
                and channels == 3
                and size_out == (1, 1)
                and size_in[0] > 1
                and name not in ("nearest", "nearest-exact")
            ):
                continue  # the AVX2 assert of 3-channel uint8 to 1x1, above
            plain = F.interpolate(x, size=size_out, **kwargs).double()
            last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=size_out, **kwargs).double()
            # (an input one row high comes out with equal rows anyway: the bug is invisible there)
            bug = separable and size_out[1] == 1 and size_out[0] not in (1, size_in[0]) and size_in[0] > 1
            if bug:
                assert (plain - last).abs().max().item() > (25 if dtype == torch.uint8 else 0.1), (
                    name,
                    size_in,
                    size_out,
                )
            else:
                assert (plain - last).abs().max().item() <= (
                    0 if dtype == torch.uint8 else 4 * torch.finfo(dtype).eps
                ), (name, size_in, size_out)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_antialias_fails_on_the_cpu_whenever_the_size_changes_and_only_then(dtype):
    modes = ["bilinear", "bicubic"] + ["lanczos"] * HAS_LANCZOS
    for mode in modes:
        for size_in in ((1, 1), (1, 4), (5, 5), (6, 3)):
            x = torch.rand(2, 3, *size_in).to(dtype)
            assert torch.equal(F.interpolate(x, size=size_in, mode=mode, antialias=True), x), (mode, size_in)
            for size_out in (
                (size_in[0] + 1, size_in[1]),
                (size_in[0], size_in[1] + 2),
                (1, 1) if size_in != (1, 1) else (2, 2),
            ):
                with pytest.raises(RuntimeError):
                    F.interpolate(x, size=size_out, mode=mode, antialias=True)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_channels_last_escapes_the_one_pixel_wide_bug_only_with_more_than_one_channel(mode):
    # Reference: the same resize transposed (a one-pixel-high output has no bug). With one
    # channel, channels_last is the contiguous layout and is wrong too.
    gen = torch.Generator().manual_seed(11)
    for channels in (1, 2, 3, 5):
        for (h, w), oh in (((8, 1), 4), ((8, 5), 3), ((4, 3), 9), ((2, 1), 7)):
            x = torch.linspace(0, 1, h)[:, None] + 0.2 * torch.rand(2, channels, h, w, generator=gen)
            ref = F.interpolate(x.transpose(-1, -2), size=(1, oh), mode=mode, antialias=True).transpose(-1, -2)
            last = F.interpolate(
                x.contiguous(memory_format=torch.channels_last), size=(oh, 1), mode=mode, antialias=True
            )
            assert ((last - ref).abs().max().item() < 1e-5) == (channels > 1), (channels, h, w, oh)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_cpu_bilinear_rounds_once_only_in_its_channels_last_kernel(dtype):
    # Bilinear's generic kernel stores its weights in the dtype, like bicubic's: from 64x64 to
    # 90x90 (height + width > 128) on two threads it passes half an epsilon; the other kernel,
    # taken for small outputs or channels_last input with more than 3 channels, rounds once.
    eps = torch.finfo(dtype).eps
    threads = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        for channels, size_in, size_out, layout, rounded_once in [
            (3, 64, 90, torch.contiguous_format, False),
            (1, 64, 90, torch.contiguous_format, False),
            (8, 90, 70, torch.contiguous_format, False),
            (8, 64, 90, torch.channels_last, True),
            (3, 64, 61, torch.contiguous_format, True),
            (3, 32, 45, torch.contiguous_format, True),
        ]:
            x = torch.rand(
                1, channels, size_in, size_in, dtype=torch.float64, generator=torch.Generator().manual_seed(channels)
            ).to(dtype)
            x = x.contiguous(memory_format=layout)
            out = F.interpolate(x, size=(size_out, size_out), mode="bilinear").double()
            kernel = (out - F.interpolate(x.double(), size=(size_out, size_out), mode="bilinear")).abs().max().item()
            assert (kernel <= 0.5 * eps * (1 + 1e-3)) == rounded_once, (
                dtype,
                channels,
                size_in,
                size_out,
                layout,
                kernel / eps,
            )
    finally:
        torch.set_num_threads(threads)


@pytest.mark.parametrize("channels", [2, 3, 4, 32])
def test_a_1x1_input_comes_back_contiguous_only_when_its_strides_are_contiguous(ns, channels):
    # A 1x1 channels_last map made by .to() or by pooling keeps the format; .contiguous() leaves it contiguous.
    base = torch.rand(2, channels, 1, 1)
    made = {
        "contiguous": base.contiguous(memory_format=torch.channels_last),
        "to": base.to(memory_format=torch.channels_last),
        "pooled": F.adaptive_avg_pool2d(torch.rand(2, channels, 8, 8).contiguous(memory_format=torch.channels_last), 1),
    }
    for name, kwargs in ns["MODES"].items():
        if name.startswith("lanczos") and not HAS_LANCZOS:
            continue
        for dtype in (torch.float32, torch.uint8):
            if dtype == torch.uint8 and name == "area":
                continue
            for how, tensor in made.items():
                x = (tensor * 255).to(dtype) if dtype == torch.uint8 else tensor
                for size_out in ((3, 5), (4, 4), (2, 1)):
                    out = F.interpolate(x, size=size_out, **kwargs)
                    assert out.is_contiguous(memory_format=torch.channels_last) == (how != "contiguous"), (
                        name,
                        dtype,
                        how,
                        size_out,
                    )


def test_the_1x1_cell_comment_names_adaptive_pooling_not_any_pooling():
    # Review 116: the cell's comment said a 1x1 map "pooled from a channels_last map" gets channels_last strides and
    # the output keeps the format; F.lp_pool2d of that map gives contiguous strides and a contiguous output, while the
    # adaptive pools keep them (the prose says "adaptive pooling"). The comment names F.adaptive_avg_pool2d.
    for channels in (2, 3, 4, 32):
        x = torch.rand(2, channels, 8, 8).contiguous(memory_format=torch.channels_last)
        for pooled in (F.adaptive_avg_pool2d(x, 1), F.adaptive_max_pool2d(x, 1)):
            assert pooled.stride() == (channels, 1, channels, channels)
            assert F.interpolate(pooled, size=(4, 4), mode="bilinear").is_contiguous(memory_format=torch.channels_last)
        lp = F.lp_pool2d(x, 2, 8)
        assert lp.stride() == (channels, 1, 1, 1)
        assert not F.interpolate(lp, size=(4, 4), mode="bilinear").is_contiguous(memory_format=torch.channels_last)
    source = " ".join((ROOT / "examples" / "interpolate_dtypes.py").read_text(encoding="utf-8").split())
    assert "# Made with .to(memory_format=...) instead, or by F.adaptive_avg_pool2d of a channels_last map" in source
    assert "pooled from a channels_last map" not in source


def test_every_row_but_plain_lanczos_takes_float32_and_float64_on_the_cpu(ns):
    # Review 13: "every mode accepts float32 and float64" holds for each row of the table except
    # `lanczos` without antialias, which the page names.
    for (where, name, dtype), cell in ns["support"].items():
        if (
            where == "cpu"
            and dtype in (torch.float32, torch.float64)
            and (HAS_LANCZOS or not name.startswith("lanczos"))
        ):
            assert (cell == "yes") == (name != "lanczos"), (name, dtype, cell)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_the_sizes_far_from_pillow_are_those_where_pillow_goes_height_first(mode):
    # Review 18: the page said these sizes follow "no simple rule"; they are the shapes where
    # Pillow's single call equals its height-first pass order (Pillow 13, PR #9549), which
    # torch's uint8 kernel (always width first) does not follow.
    import numpy as np
    import PIL
    from matplotlib.cbook import get_sample_data
    from PIL import Image

    with get_sample_data("grace_hopper.jpg") as f:
        photo = np.array(Image.open(f).convert("RGB"))[:256, :256]
    image = Image.fromarray(photo)
    x = torch.from_numpy(photo).permute(2, 0, 1)[None].contiguous(memory_format=torch.channels_last)
    filt = {"bilinear": Image.BILINEAR, "bicubic": Image.BICUBIC}[mode]
    height_first_shapes = 0
    for h, w in [
        (128, 128),
        (100, 77),
        (181, 300),
        (300, 181),
        (64, 200),
        (200, 64),
        (40, 250),
        (250, 40),
        (90, 200),
        (200, 120),
        (50, 100),
        (100, 50),
        (30, 30),
        (20, 60),
    ]:
        single = np.asarray(image.resize((w, h), filt))
        width_first = np.asarray(image.resize((w, 256), filt).resize((w, h), filt))
        height_first = np.asarray(image.resize((256, h), filt).resize((w, h), filt))
        torch_u8 = F.interpolate(x, size=(h, w), mode=mode, antialias=True)[0].permute(1, 2, 0).numpy()
        share = (torch_u8 != single).mean()
        goes_height_first = np.array_equal(single, height_first) and not np.array_equal(single, width_first)
        height_first_shapes += goes_height_first
        assert (share > 0.1) == goes_height_first, (h, w, share)
        assert share < 0.01 or share > 0.1, (h, w, share)
    if int(PIL.__version__.split(".")[0]) >= 13:
        assert height_first_shapes >= 4


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_channels_last_can_overflow_where_contiguous_does_not_near_the_largest_float(dtype):
    # Review 19: "equal up to rounding / change at most in the last bits" fails near the largest float:
    # the two kernels round differently and only the channels-last one overflows here.
    x = torch.full((2, 32, 4, 4), torch.finfo(dtype).max, dtype=dtype)
    contiguous = F.interpolate(x, size=(61, 97), mode="bilinear")
    channels_last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(61, 97), mode="bilinear")
    assert not torch.isinf(contiguous).any() and torch.isinf(channels_last).any()


def test_height_first_shapes_part_from_pillow_by_one_level_bilinear_and_one_to_several_bicubic():
    # Review 22: "by several in bicubic" fails where the height shrinks to a few pixels: at 10 x 200
    # (a height-first shape) bicubic parts from Pillow by one level, at 90 x 200 by several.
    import numpy as np
    import PIL
    from matplotlib.cbook import get_sample_data
    from PIL import Image

    if int(PIL.__version__.split(".")[0]) < 13:
        pytest.skip("Pillow goes height first at these shapes from version 13 on")
    with get_sample_data("grace_hopper.jpg") as f:
        photo = np.array(Image.open(f).convert("RGB"))[:256, :256]
    image = Image.fromarray(photo)
    x = torch.from_numpy(photo).permute(2, 0, 1)[None].contiguous(memory_format=torch.channels_last)
    gap = {}
    for mode, filt in (("bilinear", Image.BILINEAR), ("bicubic", Image.BICUBIC)):
        for h, w in ((10, 200), (90, 200)):
            single = np.asarray(image.resize((w, h), filt)).astype(int)
            out = F.interpolate(x, size=(h, w), mode=mode, antialias=True)[0].permute(1, 2, 0).numpy().astype(int)
            assert 0.15 < (out != single).mean() < 0.25, (mode, h, w)
            gap[mode, h] = np.abs(out - single).max()
    assert gap["bilinear", 10] == gap["bilinear", 90] == 1 and gap["bicubic", 10] == 1 and gap["bicubic", 90] >= 3, gap


def test_pillow_runs_its_vertical_pass_first_exactly_by_the_stated_rule():
    # "both passes, the vertical one first: when the width changes, the height shrinks and H_in - H_out > 2 (W_in - W_out)":
    # each order is replayed as two one-axis resizes (each a single pass that rounds to 8 bits) and matched against the
    # two-axis resize (where the width or height is kept, both orders are one pass and agree: skipped).
    np = pytest.importorskip("numpy")
    image_module = pytest.importorskip("PIL.Image")
    rng = np.random.default_rng(0)
    cases = [((256, 256), (200, 250)), ((256, 256), (50, 100))]
    cases += [
        ((h0, w0), (h, w))
        for h0, w0 in ((40, 40), (30, 90), (64, 24))
        for h in (1, 7, h0 - 9, h0 - 1, h0 + 5)
        for w in (1, 5, w0 // 2, w0 - 4, w0 - 1, w0, w0 + 3)
    ]
    seen = set()
    for (h0, w0), (h, w) in cases:
        image = image_module.fromarray(rng.integers(0, 256, (h0, w0), dtype=np.uint8))
        both = np.asarray(image.resize((w, h), image_module.BILINEAR))
        width_first = np.asarray(image.resize((w, h0), image_module.BILINEAR).resize((w, h), image_module.BILINEAR))
        height_first = np.asarray(image.resize((w0, h), image_module.BILINEAR).resize((w, h), image_module.BILINEAR))
        if np.array_equal(width_first, height_first):
            continue
        rule = h0 - h > 0 and h0 - h > 2 * (w0 - w)
        assert np.array_equal(both, height_first if rule else width_first), ((h0, w0), (h, w))
        seen.add(rule)
    assert seen == {True, False}


def test_channels_last_nearest_with_a_scale_factor_differs_where_the_page_says():
    # "except for nearest given a scale_factor: on more than 3 channels, where a factor other than 1 or 2 leaves an axis
    # at its size or exactly doubles it, ... for 4-D outputs whose height plus width exceeds 128 and for 5-D input".
    gen = torch.Generator().manual_seed(0)
    seen = set()
    for channels in (3, 4, 8):
        for shape in ((10, 100), (100, 100), (7, 30), (4, 10, 60)):
            for factor in (1.0, 1.05, 1.3, 2.0, 2.001, 2.3, 0.7):
                for other in (1.0, 2.0, 1.7):
                    scale = (factor,) + (other,) * (len(shape) - 1)
                    x = torch.rand((1, channels) + shape, generator=gen)
                    layout = torch.channels_last if len(shape) == 2 else torch.channels_last_3d
                    a = F.interpolate(x, scale_factor=scale, mode="nearest")
                    b = F.interpolate(x.contiguous(memory_format=layout), scale_factor=scale, mode="nearest")
                    odd = [s not in (1.0, 2.0) and o in (n, 2 * n) for s, n, o in zip(scale, shape, a.shape[2:])]
                    large = len(shape) == 3 or sum(a.shape[2:]) > 128
                    predicted = channels > 3 and any(odd) and large
                    assert torch.equal(a, b) != predicted, (channels, shape, scale)
                    seen.add(predicted)
    assert seen == {True, False}


_FORMATS_AT_TIES = (
    "import torch, torch.nn.functional as F\n"
    "def part(rank, dtype, mode, n_out):\n"
    "    lead = (100,) if rank == 4 else (2, 2)\n"
    "    x = torch.arange(2).to(dtype).view((1, 1) + (1,) * len(lead) + (2,)).expand((1, 4) + lead + (2,)).contiguous()\n"
    "    layout = torch.channels_last if rank == 4 else torch.channels_last_3d\n"
    "    a = F.interpolate(x, size=lead + (n_out,), mode=mode)\n"
    "    b = F.interpolate(x.contiguous(memory_format=layout), size=lead + (n_out,), mode=mode)\n"
    "    return (a.double() - b.double()).abs().max().item()\n"
    "print([part(r, d, m, n) for r in (4, 5) for d, m, n in ((torch.float32, 'nearest-exact', 41),"
    " (torch.float64, 'nearest-exact', 41), (torch.float64, 'nearest', 82), (torch.float32, 'nearest', 82))])\n"
)


@pytest.mark.parametrize("capability", ["default", None])
def test_channels_last_parts_by_whole_pixels_given_a_size_in_the_nearest_modes(capability):
    # The page: given a size, on more than 3 channels, nearest-exact at the 2 -> 41 tie (AVX2/AVX-512
    # code; under default in float64 only) and float64 nearest at 2 -> 82 differ by a whole pixel.
    env = {"ATEN_CPU_CAPABILITY": capability} if capability else {}
    if not capability and torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"):
        pytest.skip("this CPU runs the default code")
    parts = ast.literal_eval(run_python(_FORMATS_AT_TIES, **env))
    fp32_tie = 0.0 if capability == "default" else 1.0
    assert parts == [fp32_tie, 1.0, 1.0, 0.0] * 2, parts


@pytest.mark.parametrize("capability", ["default", None])
def test_channels_last_parts_by_whole_pixels_given_a_scale_factor_of_the_same_ratio(capability):
    # Review 31: the page said "Given a size" only, leaving `nearest-exact` given a `scale_factor` among the modes
    # whose outputs change at most in the last bits; x20.5 and x41 on 2 pixels part exactly as 2 -> 41 and 2 -> 82.
    env = {"ATEN_CPU_CAPABILITY": capability} if capability else {}
    if not capability and torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"):
        pytest.skip("this CPU runs the default code")
    code = _FORMATS_AT_TIES.replace("size=lead + (n_out,)", "scale_factor=(1.0,) * len(lead) + (n_out / 2,)")
    parts = ast.literal_eval(run_python(code, **env))
    fp32_tie = 0.0 if capability == "default" else 1.0
    assert parts == [fp32_tie, 1.0, 1.0, 0.0] * 2, parts


def test_channels_last_gaps_in_rounding_steps():
    # Review 28: the page said `area` "differs in the last bit" (3x3 -> 1x1, a mean, differs by a few steps: up to 6
    # over 2000 random images) and bfloat16 `bilinear` "by one bfloat16 step" (true of the
    # absolute gap, 2^-8, but tens of steps at values near 0.01, where only the contiguous kernel's bfloat16 weights err).
    def steps(a, b, view):
        return (a.contiguous().view(view).int() - b.contiguous().view(view).int()).abs().max().item()

    gen = torch.Generator().manual_seed(0)
    area = {3: 0, 32: 0}
    for _ in range(300):
        for channels in area:
            x = torch.rand(2, channels, 3, 3, generator=gen)
            plain = F.interpolate(x, size=(1, 1), mode="area")
            last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(1, 1), mode="area")
            area[channels] = max(area[channels], steps(plain, last, torch.int32))
    assert 2 <= area[3] <= 4 and 2 <= area[32] <= 6, area
    x = torch.rand(2, 32, 24, 24, generator=gen)
    plain = F.interpolate(x, size=(7, 7), mode="area")
    last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(7, 7), mode="area")
    assert steps(plain, last, torch.int32) == 1
    x = torch.rand(2, 32, 37, 53, generator=gen).to(torch.bfloat16)
    plain = F.interpolate(x, size=(61, 97), mode="bilinear")
    last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(61, 97), mode="bilinear")
    assert (plain.double() - last.double()).abs().max().item() <= 2**-8 and steps(plain, last, torch.int16) >= 10
    # the summary: "in float16 and bfloat16 `bilinear`, by up to one step of its largest values"
    x = torch.rand(2, 32, 37, 53, generator=gen).half()
    plain = F.interpolate(x, size=(61, 97), mode="bilinear")
    last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(61, 97), mode="bilinear")
    assert (plain.double() - last.double()).abs().max().item() <= 2**-11 and steps(plain, last, torch.int16) >= 10


def test_area_to_one_pixel_steps_blow_up_near_zero_means():
    # Review 34: "3x3 -> 1x1 differs by a few steps on random images" holds for values in [0, 1); with values of
    # both signs a mean near 0 is thousands of its own float32 steps off, while the absolute gap stays ~2e-7.
    gen = torch.Generator().manual_seed(1)
    worst_steps, worst_abs = 0, 0.0
    for _ in range(300):
        x = torch.randn(2, 32, 3, 3, generator=gen)
        plain = F.interpolate(x, size=(1, 1), mode="area")
        last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(1, 1), mode="area")
        ints = plain.contiguous().view(torch.int32).long() - last.contiguous().view(torch.int32).long()
        worst_steps = max(worst_steps, ints.abs().max().item())
        worst_abs = max(worst_abs, (plain - last).abs().max().item())
    assert worst_steps > 1000 and worst_abs < 5e-7, (worst_steps, worst_abs)


def test_share_off_pillow_at_height_first_sizes_depends_on_the_image():
    # Review 34: "about a fifth of the pixels differ" at sizes where Pillow 13 resizes the height first holds on
    # the photograph; a smooth synthetic image at 256 x 256 -> 200 x 250 differs on under 5 % of its pixels.
    Image = pytest.importorskip("PIL.Image")
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.cbook import get_sample_data

    with get_sample_data("grace_hopper.jpg") as file:
        photo = np.ascontiguousarray(plt.imread(file)[:256, :256])
    yy, xx = np.mgrid[0:256, 0:256]
    smooth = np.repeat((127 + 100 * np.sin(xx / 9.0) * np.cos(yy / 13.0)).astype(np.uint8)[..., None], 3, axis=2)

    def differ(rgb):
        ours = F.interpolate(
            torch.from_numpy(rgb).permute(2, 0, 1)[None].contiguous(), size=(200, 250), mode="bilinear", antialias=True
        )[0].permute(1, 2, 0)
        pillow = np.asarray(Image.fromarray(rgb).resize((250, 200), Image.Resampling.BILINEAR))
        return ours.numpy().astype(int) != pillow.astype(int)  # H x W x 3: one flag per channel value

    # Review r137: the share is of channel values; counted by pixel (any channel differing) it is about two fifths.
    values, pixels = differ(photo).mean(), differ(photo).any(axis=-1).mean()
    assert 0.15 < values < 0.25 and 0.35 < pixels < 0.45 and differ(smooth).any(axis=-1).mean() < 0.05
    assert_pages_say(
        (
            "interpolate-dtypes.md",
            "about a fifth of the channel values of the photograph differ, in about two fifths of\nits pixels",
        ),
        ("interpolate-dtypes.zh.md", "照片上约五分之一的通道值不同，涉及约五分之二的像素"),
    )
    header = next(
        line for line in printed_by("interpolate_dtypes.py").splitlines() if "vs float32 rounded once" in line
    )
    assert "| channel values that differ |" in header and "pixels that differ" not in header


def test_area_to_one_pixel_parts_by_up_to_two_steps_of_the_largest_values():
    # Review 34: the summary's "one step of its largest values" (float16/bfloat16 bilinear) needs "two" for float32
    # `area` to one pixel, measured against each channel's largest input value, on values of both signs.
    gen = torch.Generator().manual_seed(3)
    worst = 0.0
    for _ in range(2000):
        x = torch.randn(2, 32, 3, 3, generator=gen)
        plain = F.interpolate(x, size=(1, 1), mode="area").flatten()
        last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(1, 1), mode="area").flatten()
        largest = x.abs().amax(dim=(2, 3)).flatten()
        step = torch.nextafter(largest, torch.full_like(largest, float("inf"))) - largest
        worst = max(worst, ((plain - last).abs() / step).max().item())
    assert 1 < worst <= 2, worst


def test_half_precision_bilinear_layouts_part_by_up_to_two_steps_of_the_largest_values():
    # Review 35: "in bfloat16 by up to 0.004" held for the table's random image only (another seed at
    # 37x53 -> 61x97 gives 0.0078), and "by up to one step of its largest values" fails in both dtypes.
    rng = random.Random(3)
    worst = {}
    for dtype, step in ((torch.bfloat16, 2.0**-8), (torch.float16, 2.0**-11)):  # steps of values in [0.5, 1)
        for trial in range(40):
            size_in = rng.randint(2, 60), rng.randint(2, 60)
            size_out = rng.randint(2, 130), rng.randint(2, 130)
            g = torch.Generator().manual_seed(trial)
            x = (torch.rand(1, 32, *size_in, generator=g) * 0.99).to(dtype)
            a = F.interpolate(x, size=size_out, mode="bilinear")
            b = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=size_out, mode="bilinear")
            worst[dtype] = max(worst.get(dtype, 0.0), (a.float() - b.float()).abs().max().item() / step)
        assert 1 < worst[dtype] <= 2, (dtype, worst)
    x = torch.rand(2, 32, 37, 53, generator=torch.Generator().manual_seed(2)).to(torch.bfloat16)
    a = F.interpolate(x, size=(61, 97), mode="bilinear")
    b = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(61, 97), mode="bilinear")
    assert (a.float() - b.float()).abs().max().item() == 2.0**-7


def test_area_to_one_pixel_parts_by_three_steps_on_larger_maps_in_zero_one():
    # Review 35: the summary's "area to one pixel by up to two [steps of its largest values]" was measured on
    # 3x3 maps of normal values; 16x16 maps of values in [0, 1) (largest below 1: a step of 2**-24) part by 3.
    gen = torch.Generator().manual_seed(5)
    worst = 0.0
    for _ in range(100):
        x = torch.rand(2, 32, 16, 16, generator=gen)
        plain = F.interpolate(x, size=(1, 1), mode="area")
        last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(1, 1), mode="area")
        worst = max(worst, (plain - last).abs().max().item() / 2.0**-24)
    assert worst == 3, worst


def test_float32_bilinear_formats_part_by_many_own_steps_near_zero_on_signed_values():
    # Review 38: "bilinear with 32 channels differs in the last bits" (37x53 -> 61x97) holds on values in [0, 1)
    # (a few steps); on values of both signs an output near 0 is hundreds of thousands of its own float32 steps off, while the
    # absolute gap stays under 1e-6.
    gen = torch.Generator().manual_seed(0)
    worst = {}
    for kind in ("rand", "randn"):
        worst_steps, worst_abs = 0, 0.0
        for _ in range(40):
            x = getattr(torch, kind)(1, 32, 37, 53, generator=gen)
            plain = F.interpolate(x, size=(61, 97), mode="bilinear")
            last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(61, 97), mode="bilinear")
            ints = plain.contiguous().view(torch.int32).long() - last.contiguous().view(torch.int32).long()
            worst_steps = max(worst_steps, ints.abs().max().item())
            worst_abs = max(worst_abs, (plain - last).abs().max().item())
        worst[kind] = worst_steps, worst_abs
    assert worst["rand"][0] <= 4 and worst["randn"][0] > 10**5 and worst["randn"][1] < 1e-6, worst


def test_float32_bilinear_formats_part_by_over_1e6_on_normal_values_at_other_sizes():
    # Review 94: the summary's "float32 bilinear [formats differ] by under 1e-6 on standard normal values" held at
    # 37x53 -> 61x97; at 128x128 -> 301x257 with align_corners=True an output near 4.3 is 3 steps (1.4e-6) off.
    threads = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        x = torch.randn(4, 64, 128, 128, generator=torch.Generator().manual_seed(507))[3:4, :32].clone()
        plain = F.interpolate(x, size=(301, 257), mode="bilinear", align_corners=True)
        last = F.interpolate(
            x.contiguous(memory_format=torch.channels_last), size=(301, 257), mode="bilinear", align_corners=True
        )
    finally:
        torch.set_num_threads(threads)
    # The generic code (ATEN_CPU_CAPABILITY=default) rounds the two formats two steps apart there (9.5e-7), and no
    # other seed or size tried beats 1e-6; the page names 37x53 -> 61x97 either way.
    avx2 = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512")
    assert (plain - last).abs().max().item() > (1e-6 if avx2 else 9e-7)


@pytest.mark.parametrize("channels", [1, 3, 5])
def test_two_pass_model_misses_uint8_bicubic_where_a_scale_factor_keeps_an_axis(channels):
    # Review 38: "the two-pass model reproduces the uint8 output to within two levels" holds given sizes; given a
    # scale_factor that keeps an axis (10 pixels x1.05), uint8 bicubic copies it and float32 bicubic steps.
    gen = torch.Generator().manual_seed(channels)
    x = torch.randint(0, 256, (1, channels, 8, 10), generator=gen, dtype=torch.uint8)
    out = F.interpolate(x, scale_factor=(2.0, 1.05), mode="bicubic").int()
    wide = F.interpolate(x.float(), scale_factor=(1.0, 1.05), mode="bicubic").round().clamp(0, 255)
    model = F.interpolate(wide, scale_factor=(2.0, 1.0), mode="bicubic").round().clamp(0, 255).int()
    by_size = F.interpolate(x, size=(16, 10), mode="bicubic")
    assert torch.equal(by_size, F.interpolate(x, scale_factor=(2.0, 1.05), mode="bicubic"))  # the copy
    assert (out - model).abs().max().item() >= 10


def test_kept_axis_exception_to_the_two_pass_model_needs_align_corners_false():
    # Review 59: the exception read as if any plain bicubic call with a factor that keeps an axis missed the model by
    # tens of levels; with align_corners=True the float32 kernel ignores the factor, and the model stays within two
    # levels, over factors that keep the height, the width or both, seeds and channel counts.
    def model(x, factor, **kwargs):
        wide = F.interpolate(x.float(), scale_factor=(1.0, factor[1]), mode="bicubic", **kwargs).round().clamp(0, 255)
        return F.interpolate(wide, scale_factor=(factor[0], 1.0), mode="bicubic", **kwargs).round().clamp(0, 255)

    worst = {False: 0, True: 0}
    for channels in (1, 3, 5):
        for seed in range(4):
            x = torch.randint(
                0, 256, (1, channels, 8, 10), generator=torch.Generator().manual_seed(seed), dtype=torch.uint8
            )
            for factor in ((2.0, 1.05), (1.05, 2.0), (1.05, 1.05), (0.5, 1.05)):
                for corners in (False, True):
                    out = F.interpolate(x, scale_factor=factor, mode="bicubic", align_corners=corners).float()
                    gap = (out - model(x, factor, align_corners=corners)).abs().max().item()
                    worst[corners] = max(worst[corners], gap)
    assert worst[False] >= 100 and worst[True] <= 2, worst
    assert_pages_say(
        ("interpolate-dtypes.md", "`align_corners=True` the float32 kernel ignores the factor"),
        ("interpolate-dtypes.zh.md", "设为 `align_corners=True` 时，float32 内核不用这个缩放系数"),
        ("interpolate-bicubic.md", "as 10 pixels ×1.05, with the default `align_corners=False`"),
        (
            "interpolate-bicubic.zh.md",
            "在默认的 `align_corners=False` 下，`scale_factor` 让某个轴长度不变时，比如 10 个像素 ×1.05",
        ),
    )


@pytest.mark.parametrize("seed", [0, 1])
def test_uint8_bounds_against_float32_models_break_on_long_axes(ns, seed):
    # Review 43: "bilinear stays within one level of the rounded float32 result" and "the two-pass model
    # reproduces the uint8 output to within two levels" had no length limit: the float32 kernels place their
    # samples in float32, and a row of 200,000 pixels enlarged to 300,001 parts them by several levels.
    gen = torch.Generator().manual_seed(seed)
    x = torch.randint(0, 256, (1, 3, 2, 200_000), generator=gen, dtype=torch.uint8)
    size = (2, 300_001)
    for antialias in (False, True):
        out = F.interpolate(x, size=size, mode="bilinear", antialias=antialias).float()
        once = ns["to_uint8"](F.interpolate(x.float(), size=size, mode="bilinear", antialias=antialias))
        assert (out - once).abs().max().item() > 2, antialias
        out = F.interpolate(x, size=size, mode="bicubic", antialias=antialias).float()
        passes = ns["two_pass"](x, size, mode="bicubic", antialias=antialias)
        assert (out - passes).abs().max().item() > 2, antialias


def test_arm_builds_compile_their_own_uint8_kernel_so_the_page_claims_the_generic_one_only_for_default():
    # Review 44: the page said "with ATEN_CPU_CAPABILITY=default, or on a CPU without AVX2 such as an ARM one,
    # torch takes its generic kernel"; ARM builds compile a NEON uint8 kernel of their own (3-channel
    # channels_last), which nothing here runs. The tests run only `default`.
    neon = Path(torch.__file__).parent / "include/ATen/native/cpu/UpSampleKernelNEONAntialias.h"
    assert "num_channels == 3 with channels-last" in neon.read_text(encoding="utf-8")
    for page in ("interpolate-dtypes.md", "interpolate-dtypes.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "ARM" not in text and "without AVX2" not in text and "不支持 AVX2" not in text, page


def test_uint8_one_pixel_wide_bug_hits_three_channels_with_the_generic_kernel():
    # The page: the uint8 result to a width-1 output is wrong with > 4 channels "or with ATEN_CPU_CAPABILITY=default".
    code = (
        "import torch, torch.nn.functional as F; assert torch.backends.cpu.get_cpu_capability() == 'DEFAULT'\n"
        "x = (torch.rand(1, 3, 10, 7, generator=torch.Generator().manual_seed(2)) * 255).to(torch.uint8)\n"
        "out = F.interpolate(x, size=(20, 1), mode='bilinear').float()\n"
        "once = F.interpolate(x.float(), size=(20, 1), mode='bilinear').round().clamp(0, 255)\n"
        "assert (out - once).abs().max().item() > 1"
    )
    run_python(code, ATEN_CPU_CAPABILITY="default")
    # Review 63: the channels_last section excepted "uint8 with at most 4 channels on an AVX2 CPU" from the bug; an
    # AVX2 CPU under ATEN_CPU_CAPABILITY=default runs the generic kernel and is hit (above): the exception follows
    # the code torch runs, not the CPU.
    for page, old, new in (
        ("interpolate-dtypes.md", "4 channels on an AVX2 CPU", "4 channels where torch runs its AVX2 or AVX-512 code"),
        (
            "interpolate-dtypes.zh.md",
            "在支持 AVX2 的 CPU 上不超过 4 个通道",
            "torch 运行它的 AVX2 或 AVX-512 代码时，不超过 4 个通道",
        ),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert old not in text and new in text, page
    # ...and so does the 3-channel 1x1 assert (test_three_channel_uint8_to_one_pixel_works_with_the_generic_kernel)
    for page, old in (
        ("interpolate-dtypes.md", "on an x86 CPU with AVX2"),
        ("interpolate-dtypes.zh.md", "在支持 AVX2 的 x86 CPU 上"),
    ):
        assert old not in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize("capability", ["avx2", "default"])
def test_float64_nearest_formats_part_near_whole_positions_on_long_axes(capability):
    # Review 44: the page said float64 nearest modes part between formats "where a position is a whole number";
    # on a long axis they part at positions 3e-4 from one too (1 x 30000 -> 1 x 45001, 4 channels); float32 does not.
    code = (
        "import torch, torch.nn.functional as F\n"
        "from fractions import Fraction\n"
        "n, m = 30000, 45001\n"
        "for dtype in (torch.float64, torch.float32):\n"
        "    x = torch.arange(n, dtype=dtype).view(1, 1, 1, n).repeat(1, 4, 1, 1)\n"
        "    for mode, first in (('nearest', 22523), ('nearest-exact', 22524)):\n"
        "        a = F.interpolate(x, size=(1, m), mode=mode)[0, 0, 0]\n"
        "        b = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(1, m), mode=mode)[0, 0, 0]\n"
        "        where = (a != b).nonzero().flatten().tolist()\n"
        "        if dtype == torch.float32:\n"
        "            assert not where, (mode, where)\n"
        "            continue\n"
        "        assert where[0] == first and (a - b).abs().max().item() == 1, (mode, where)\n"
        "        shift = Fraction(1, 2) if mode == 'nearest-exact' else 0\n"
        "        for i in where:\n"
        "            position = (i + shift) * Fraction(n, m)\n"
        "            assert position.denominator != 1 and 0 < round(position) - position < Fraction(1, 1000), (i, position)\n"
        "assert Fraction(3, 10000) < 15015 - 22523 * Fraction(n, m) < Fraction(4, 10000)\n"
    )
    run_python(code, ATEN_CPU_CAPABILITY=capability)


def test_not_every_table_gets_gpu_rows_the_rounding_table_is_cpu_only(ns):
    # Review 47: the intro said every table runs "on the GPU too when the build machine has one (the
    # "device" column)"; the uint8 rounding table has no device column and is measured on the CPU on any build.
    lines = printed_by("interpolate_dtypes.py").splitlines()
    headers = [line for line, below in zip(lines, lines[1:]) if below.startswith("|---")]
    without_device = [h for h in headers if not h.startswith("| device |")]
    assert len(without_device) == 1 and without_device[0].startswith("| mode | size |")
    assert ns["image"].device.type == "cpu"


def test_dtype_rules_need_a_non_empty_input():
    # Review 51: "every mode accepts float32 and float64" fails with zero channels (all modes but area),
    # and "area has no uint8 kernel" fails with zero images, where nothing is computed.
    modes = _modes()
    for dtype in (torch.uint8, torch.float16, torch.bfloat16, torch.float32, torch.float64):
        for name, kwargs in modes.items():
            x = torch.zeros(1, 0, 8, 8, dtype=dtype)
            if name == "area":
                assert F.interpolate(x, size=(4, 4), **kwargs).shape == (1, 0, 4, 4)
            else:
                with pytest.raises(RuntimeError, match="Non-empty"):
                    F.interpolate(x, size=(4, 4), **kwargs)
    # Review 57: not to 1x1, where area is a mean and mean() rejects uint8 even with nothing to average.
    for shape in ((0, 3, 8, 8), (1, 0, 8, 8), (0, 0, 8, 8)):
        empty = torch.zeros(shape, dtype=torch.uint8)
        for size in ((1, 1), (1, 2), (2, 1), (4, 4), (8, 8), (11, 5)):
            if size == (1, 1):
                with pytest.raises(RuntimeError, match=r"mean\(\): could not infer output dtype"):
                    F.interpolate(empty, size=size, mode="area")
            else:
                assert F.interpolate(empty, size=size, mode="area").shape == shape[:2] + size
    for size in ((4, 4), (1, 2), (8, 8)):
        with pytest.raises(NotImplementedError, match="adaptive_avg_pool2d"):
            F.interpolate(torch.zeros(1, 3, 8, 8, dtype=torch.uint8), size=size, mode="area")
    with pytest.raises(RuntimeError, match=r"mean\(\): could not infer output dtype"):
        F.interpolate(torch.zeros(1, 3, 8, 8, dtype=torch.uint8), size=(1, 1), mode="area")


def _modes():
    from _settings import INTERPOLATE_SETTINGS, LANCZOS

    return {**INTERPOLATE_SETTINGS, **(LANCZOS if HAS_LANCZOS else {})}


def test_uint8_support_fails_only_at_the_three_channel_one_pixel_bug_on_small_non_empty_inputs():
    # Review 51: "uint8 works for bilinear, bicubic, lanczos" holds on non-empty inputs with sides of 1,
    # 1 to 5 channels and both formats, except the 3-channel 1x1 failure of the vectorised kernel.
    failing = set()
    for name, kwargs in _modes().items():
        if name == "area":
            continue
        for channels in (1, 3, 5):
            for size_in in ((1, 1), (1, 3), (2, 1), (5, 3)):
                for size_out in ((1, 1), (1, 3), (4, 1)):
                    for last in (False, True):
                        x = torch.zeros(1, channels, *size_in, dtype=torch.uint8)
                        x = x.contiguous(memory_format=torch.channels_last) if last else x
                        try:
                            F.interpolate(x, size=size_out, **kwargs)
                        except RuntimeError:
                            failing.add((name.startswith("nearest"), channels, size_in[0] > 1, size_out, last))
    expected = {(False, 3, True, (1, 1), False)} if VECTORISED_UINT8 else set()
    assert failing == expected


def test_an_empty_batch_in_channels_last_comes_back_contiguous():
    # Review 51: "the output keeps channels_last" fails for zero images, in every mode.
    for name, kwargs in _modes().items():
        for make in ("contiguous", "to"):
            x = torch.rand(0, 3, 8, 8)
            x = getattr(x, make)(memory_format=torch.channels_last)
            out = F.interpolate(x, size=(4, 6), **kwargs)
            assert out.is_contiguous() and not out.is_contiguous(memory_format=torch.channels_last), (name, make)
            one = F.interpolate(torch.rand(1, 3, 8, 8).to(memory_format=torch.channels_last), size=(4, 6), **kwargs)
            assert one.is_contiguous(memory_format=torch.channels_last), name
    # Review 71: zero channels too, in area, the one mode that takes them ("except for an empty batch" missed it).
    for size in ((1, 1), (2, 3), (8, 8)):
        x = torch.empty(2, 0, 4, 4, memory_format=torch.channels_last)
        assert x.is_contiguous(memory_format=torch.channels_last)
        out = F.interpolate(x, size=size, mode="area")
        assert out.is_contiguous() and not out.is_contiguous(memory_format=torch.channels_last), size
    for page, words in (("interpolate-dtypes.md", "except for an empty input (zero images, or zero channels in `area`"),
                        ("interpolate-dtypes.zh.md", "输入为空（0 张图像，或 `area` 下 0 个通道）时")):  # fmt: skip
        assert words in " ".join(
            (Path(__file__).resolve().parents[2] / "docs" / page).read_text(encoding="utf-8").split()
        )
    # ...so the page's summary that a channels_last network stays channels_last names a non-empty batch.
    for page, words in (("interpolate-dtypes.md", "upsampling layers, on a batch of at least one image"),
                        ("interpolate-dtypes.zh.md", "前提是批量至少有一张图像")):  # fmt: skip
        assert words in (Path(__file__).resolve().parents[2] / "docs" / page).read_text(encoding="utf-8")


def test_three_d_area_takes_uint8_at_zero_images_but_not_five_d():
    # Review 51: "in 3-D and 5-D, area does not take uint8" holds for non-empty input only.
    assert F.interpolate(torch.zeros(0, 3, 8, dtype=torch.uint8), size=4, mode="area").shape == (0, 3, 4)
    with pytest.raises(NotImplementedError):
        F.interpolate(torch.zeros(0, 3, 4, 4, 4, dtype=torch.uint8), size=(2, 2, 2), mode="area")
    for rank, mode in ((3, "linear"), (5, "trilinear")):
        with pytest.raises(NotImplementedError):
            F.interpolate(torch.zeros((0, 3) + (4,) * (rank - 2), dtype=torch.uint8), scale_factor=2.0, mode=mode)


def _cases_accepted(dtypes, fill, sizes_for):
    """Every mode of every rank on each dtype, for 1, 3 and 5 channels and both formats: the keys of the calls
    F.interpolate accepts, and every key tried with its mode's arguments and input."""
    modes = {3: ["nearest", "nearest-exact", "linear", "area"], 5: ["nearest", "nearest-exact", "trilinear", "area"]}
    modes[4] = [dict(kwargs) for kwargs in _modes().values()]
    passed, tried = set(), []
    for dtype in dtypes:
        for rank, modes_of_rank in modes.items():
            for kwargs in modes_of_rank:
                kwargs = kwargs if isinstance(kwargs, dict) else dict(mode=kwargs)
                for channels, side in ((1, 1), (3, 5), (5, 4)):
                    for size in sizes_for(side, rank):
                        for layout in ("contiguous", "last") if rank > 3 else ("contiguous",):
                            x = fill((2, channels) + (side,) * (rank - 2), dtype)
                            if layout == "last":
                                x = x.contiguous(
                                    memory_format=torch.channels_last if rank == 4 else torch.channels_last_3d
                                )
                            key = (dtype, rank, str(kwargs), channels, size, layout)
                            try:
                                F.interpolate(x, size=size, **kwargs)
                                passed.add(key)
                            except (RuntimeError, NotImplementedError):
                                pass
                            tried.append((key, kwargs, x))
    return passed, tried


def test_other_integers_pass_only_the_antialiased_copy_but_quantized_tensors_compute():
    # Review 54: the page named uint8 only; every other integer dtype (and bool) fails in every mode and rank on
    # non-empty input, in both formats, except where the antialiased kernel only copies the input (same size).
    integers = [torch.int8, torch.int16, torch.int32, torch.int64, torch.bool, torch.uint16, torch.uint32, torch.uint64]
    passed, tried = _cases_accepted(
        integers,
        lambda shape, dtype: torch.zeros(shape, dtype=dtype),
        lambda side, rank: [(n,) * (rank - 2) for n in (side, 2 * side, 1)],
    )
    expected = {key for key, kwargs, x in tried if kwargs.get("antialias") and key[4] == x.shape[2:]}
    assert passed == expected and expected, passed ^ expected
    # Review 79: "uint8 is also the only integer dtype that any mode computes on" missed the quantized integer
    # dtypes: a per-tensor quint8, qint8 or qint32 tensor is resized to another size, to within a quantization step
    # of the float result, by these modes (the page names no quantized dtype now).
    computing = {
        3: ["area"],
        4: ["nearest", "nearest-exact", "bilinear", "area"],
        5: ["nearest", "nearest-exact", "area"],
    }
    for dtype, (rank, modes) in itertools.product((torch.quint8, torch.qint8, torch.qint32), computing.items()):
        for mode in modes:
            x = torch.quantize_per_tensor(torch.rand((2, 3) + (4,) * (rank - 2)), 0.01, 0, dtype)
            out = F.interpolate(x, size=(7,) * (rank - 2), mode=mode)
            expected = F.interpolate(x.dequantize(), size=(7,) * (rank - 2), mode=mode)
            assert out.dtype == dtype and (out.dequantize() - expected).abs().max() <= 0.01, (dtype, rank, mode)
    en = " ".join((ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8").split())
    zh = " ".join((ROOT / "docs" / "interpolate-dtypes.zh.md").read_text(encoding="utf-8").split())
    assert "only integer dtype" not in en and "唯一能被某种模式拿来计算的整数类型" not in zh
    assert "the other integer dtypes" not in en and "其他整数类型以及" not in zh
    assert "- Other integer dtypes: int8, int16, int32, int64, the wider unsigned types" in en
    assert "- 其他整数类型：int8、int16、int32、int64、更宽的无符号类型" in zh


def test_the_rules_beyond_the_dtype_table_are_the_cpus():
    # Review 80: "Beyond it:" stated for torch at large that int16, bool, complex and float8 fail everywhere but the
    # antialiased copy. CUDA's upsample_bilinear2d_out_cuda_template copies the input when the sizes match, before
    # its AT_DISPATCH_FLOATING_TYPES_AND2 (the page says so of uint8), so plain bilinear at the input's own size
    # takes any dtype there; the CPU's bilinear kernel dispatches first and refuses them.
    for dtype in (torch.int16, torch.bool, torch.complex64, torch.float8_e4m3fn):
        x = torch.ones(1, 3, 4, 5).to(dtype)
        with pytest.raises((RuntimeError, NotImplementedError)):
            F.interpolate(x, size=(4, 5), mode="bilinear")
        if torch.cuda.is_available():
            assert torch.equal(F.interpolate(x.cuda(), size=(4, 5), mode="bilinear").cpu(), x), dtype
    en = " ".join((ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8").split())
    zh = " ".join((ROOT / "docs" / "interpolate-dtypes.zh.md").read_text(encoding="utf-8").split())
    assert "The table is for non-empty 4-D input (images). Beyond it, on the CPU: - Empty 4-D input" in en
    assert "这张表针对的是非空的 4 维输入（图像）。表外的情况（在 CPU 上）： - 空的 4 维输入" in zh
    assert "Beyond it:" not in en and "表外的情况：" not in zh


def test_only_cuda_s_bilinear_kernel_takes_uint8_at_the_input_size_alone():
    # Review 82: "plain `bilinear` accepts uint8 only at the input's own size" (on CUDA) held for the kernel only:
    # under torch.use_deterministic_algorithms(True) F.interpolate sends plain bilinear on any device but the CPU
    # to the _upsample_linear_vec decomposition, which resizes uint8 to any size. The meta device takes that path
    # here; the CPU keeps its kernel.
    x = torch.zeros(1, 3, 4, 5, dtype=torch.uint8, device="meta")
    torch.use_deterministic_algorithms(True)
    try:
        y = F.interpolate(x, size=(9, 7), mode="bilinear")
        recorded = F.interpolate(x.float().requires_grad_(), size=(9, 7), mode="bilinear").grad_fn.name()
    finally:
        torch.use_deterministic_algorithms(False)
    assert y.shape == (1, 3, 9, 7) and y.dtype == torch.uint8
    assert "UpsampleBilinear2D" not in recorded
    ramp = torch.arange(20, dtype=torch.uint8).reshape(1, 1, 4, 5) * 10
    import torch._decomp.decompositions as decompositions

    decomposed = decompositions._upsample_linear_vec(ramp, [9, 7], False, None)
    assert decomposed.dtype == torch.uint8 and decomposed.shape == (1, 1, 9, 7) and len(decomposed.unique()) > 20
    en = " ".join((ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8").split())
    zh = (ROOT / "docs" / "interpolate-dtypes.zh.md").read_text(encoding="utf-8")
    assert "(plain `bilinear` accepts uint8 only" not in en and "（普通 `bilinear` 只在输出尺寸" not in zh
    assert "the plain `bilinear` kernel accepts uint8 only at the input's own size" in en
    assert "普通 `bilinear` 的内核只在输出尺寸与输入相同时接受 uint8" in zh


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16, torch.uint8])
def test_channels_last_3d_is_kept_by_every_5d_mode_but_area(dtype):
    # Review 54: "the output keeps channels_last" and "a network converted to channels_last stays in that format"
    # did not hold in 5-D: area (adaptive_avg_pool3d) returns a contiguous tensor from channels_last_3d input at
    # every size; nearest, nearest-exact and trilinear keep the format (uint8: the nearest modes only). Channels
    # innermost (stride 1) tells the formats apart wherever the output has more than one voxel.
    modes = ["nearest", "nearest-exact"] + (["trilinear", "area"] if dtype != torch.uint8 else [])
    for mode in modes:
        for channels in (3, 4, 32):
            for size_in, size_out in (((4, 5, 6), (8, 10, 12)), ((4, 5, 6), (2, 2, 3)), ((4, 5, 6), (1, 1, 2)),
                                      ((3, 3, 3), (3, 3, 3)), ((2, 7, 1), (5, 3, 2))):  # fmt: skip
                x = torch.rand((2, channels) + size_in).mul(255).to(dtype)
                out = F.interpolate(x.contiguous(memory_format=torch.channels_last_3d), size=size_out, mode=mode)
                assert (out.stride(1) == 1) == (mode != "area"), (mode, channels, size_in, size_out)
    # Review 57: "area does not at any size" failed at 1x1x1, where adaptive_avg_pool3d is a mean that keeps the
    # channels-last strides of an input larger than 1x1x1 with more than one channel, and the next layer keeps them.
    for channels in (1, 3, 32) if dtype != torch.uint8 else ():  # uint8 area to 1x1x1 raises (mean)
        for size_in in ((4, 5, 6), (2, 7, 1), (1, 1, 1)):
            x = torch.rand((2, channels) + size_in).to(dtype).contiguous(memory_format=torch.channels_last_3d)
            pooled = F.interpolate(x, size=(1, 1, 1), mode="area")
            after = F.interpolate(pooled, size=(2, 3, 2), mode="nearest")
            kept = channels > 1 and size_in != (1, 1, 1)
            assert (after.stride(1) == 1) == kept, (channels, size_in, pooled.stride())
        # Review 60: the page put that on "an input larger than 1x1x1"; a 1x1x1 input made with .to keeps the strides
        x = torch.rand((2, channels, 1, 1, 1)).to(dtype).to(memory_format=torch.channels_last_3d)
        after = F.interpolate(F.interpolate(x, size=(1, 1, 1), mode="area"), size=(2, 3, 2), mode="nearest")
        assert (after.stride(1) == 1) == (channels > 1), channels
    assert_pages_say(
        ("interpolate-dtypes.md", "but `area` does not at any size but 1×1×1"),
        ("interpolate-dtypes.md", "contiguous, as in 4-D, and one made with `.to` keeps them"),
        ("interpolate-dtypes.zh.md", "用 `.to` 得到的则保留这种步长"),
        ("interpolate-dtypes.zh.md", "`area` 则除 1×1×1 以外在任何尺寸下都不保持"),
    )


def test_cpu_half_precision_backward_adds_in_float32_except_area():
    # Review 52: the page put inaccurate float16 gradients on CUDA only; on the CPU the upsampling kernels' backward
    # stays within half an epsilon of the largest value of the float64 backward of the same gradient, but area's
    # (adaptive average pooling's) adds in the dtype itself: 4x4 -> 128x128 with a gradient of ones stalls at 256
    # in bfloat16. Review 71: the page says the test enlarges and shrinks "by whole and other factors"; it tried
    # none whole (5 -> 61, 7 -> 13, 60 -> 23), so x4 and /3 are in the sweep now.
    gen = torch.Generator().manual_seed(0)

    def input_gradient(x, grad, **kwargs):
        x = x.clone().requires_grad_(True)
        F.interpolate(x, size=grad.shape[2:], **kwargs).backward(grad)
        return x.grad.double()

    modes = [
        (3, dict(mode="linear")),
        (3, dict(mode="nearest")),
        (5, dict(mode="trilinear")),
        (5, dict(mode="nearest")),
    ]
    modes += [(4, dict(mode=m)) for m in ("nearest", "nearest-exact", "bilinear", "bicubic", "area")]
    modes += [(4, dict(mode=m, align_corners=True)) for m in ("bilinear", "bicubic")]
    for dtype in (torch.float16, torch.bfloat16):
        for rank, kwargs in modes:
            worst = 0.0
            for n, m in ((5, 61), (7, 13), (60, 23), (4, 16), (12, 4)):  # review 71: whole factors too
                for last in (False, True) if rank == 4 else (False,):
                    n, m = (n, m) if rank < 5 else (min(n, 12), min(m, 24))
                    x = torch.zeros((1, 4) + (n,) * (rank - 2), dtype=dtype)
                    x = x.contiguous(memory_format=torch.channels_last) if last else x
                    grad = (torch.rand((1, 4) + (m,) * (rank - 2), generator=gen) * 2 - 1).to(dtype)
                    exact = input_gradient(x.double(), grad.double(), **kwargs)
                    error = (input_gradient(x, grad, **kwargs) - exact).abs().max() / exact.abs().max()
                    worst = max(worst, error.item() / torch.finfo(dtype).eps)
            assert (worst > 0.5) == (kwargs["mode"] == "area"), (dtype, rank, kwargs, worst)
    # Review 72: "within half an epsilon" fails where the float64 sum leaves float16's range: a gradient of 60000
    # at every output pixel of a x2 enlargement gives inf in every mode and rank, so the page says "where that
    # value fits in the dtype".
    for rank, kwargs in modes:
        if kwargs["mode"] == "area":
            continue
        grad = torch.full((1, 4) + (8,) * (rank - 2), 60000.0, dtype=torch.float16)
        exact = input_gradient(torch.zeros((1, 4) + (4,) * (rank - 2), dtype=torch.float64), grad.double(), **kwargs)
        half = input_gradient(torch.zeros((1, 4) + (4,) * (rank - 2), dtype=torch.float16), grad, **kwargs)
        assert exact.isfinite().all() and exact.max() > torch.finfo(torch.float16).max, (rank, kwargs)
        assert half.isinf().any(), (rank, kwargs)
    # Review 73: "where that value fits in the dtype" was too wide at the other end: the test's gradients times 1e-6
    # fit in float16, but the bilinear backward lands among subnormal numbers and misses by more than half an eps
    # at these sizes (not at /3, whose weights are 1 and 0).
    # Review 74: the page said the test's gradients times 1e-6 "miss by more"; at 12 -> 4 (/3) they do not, so it
    # says "can miss by more" (and "below its smallest normal number": some round to 0, which is not subnormal).
    for n, m in ((5, 61), (7, 13), (60, 23), (4, 16), (12, 4)):
        x = torch.zeros(1, 4, n, n, dtype=torch.float16)
        grad = ((torch.rand(1, 4, m, m, generator=gen) * 2 - 1) * 1e-6).to(torch.float16)
        exact = input_gradient(x.double(), grad.double(), mode="bilinear")
        error = (input_gradient(x, grad, mode="bilinear") - exact).abs().max() / exact.abs().max()
        assert 0 < grad.abs().max() < torch.finfo(torch.float16).tiny, (n, m)
        assert (error > 0.5 * torch.finfo(torch.float16).eps) == (n != 3 * m), (n, m, error)
    # Review 76: "the ends of float16's range" read as if bfloat16 were safe at its own: 1e38 at every pixel of a x2
    # enlargement sums to inf, and the test's gradients times 1e-38 (below its smallest normal number) miss too
    grad = torch.full((1, 4, 8, 8), 1e38, dtype=torch.bfloat16)
    assert input_gradient(torch.zeros(1, 4, 4, 4, dtype=torch.bfloat16), grad, mode="bilinear").isinf().any()
    assert input_gradient(torch.zeros(1, 4, 4, 4, dtype=torch.float64), grad.double(), mode="bilinear").isfinite().all()
    x = torch.zeros(1, 4, 60, 60, dtype=torch.bfloat16)
    grad = ((torch.rand(1, 4, 23, 23, generator=gen) * 2 - 1) * 1e-38).to(torch.bfloat16)
    exact = input_gradient(x.double(), grad.double(), mode="bilinear")
    error = (input_gradient(x, grad, mode="bilinear") - exact).abs().max() / exact.abs().max()
    assert error > 0.5 * torch.finfo(torch.bfloat16).eps
    assert "(not at the ends of the dtype's range: in float16," in " ".join(
        (ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8").split()
    )
    assert_pages_say(
        ("interpolate-dtypes.md", "for gradients drawn uniformly between −1 and 1 (not at the ends of"),
        ("interpolate-dtypes.md", "gradients times 10⁻⁶, below float16's smallest normal number, `bilinear`"),
        ("interpolate-dtypes.md", "`bilinear` can miss by more)"),
        ("interpolate-dtypes.zh.md", "梯度在 −1 到 1 之间均匀随机取值，不在该数据类型取值范围的两端"),
        ("interpolate-dtypes.zh.md", "测试用的梯度乘以 10⁻⁶ 后小于 float16 最小的正规数，`bilinear`"),
    )
    ones = torch.ones(1, 4, 128, 128, dtype=torch.bfloat16)
    assert torch.equal(input_gradient(torch.zeros(1, 4, 4, 4, dtype=torch.bfloat16), ones, mode="area"),
                       torch.full((1, 4, 4, 4), 256.0, dtype=torch.float64))  # fmt: skip
    assert torch.equal(input_gradient(torch.zeros(1, 4, 4, 4), ones.float(), mode="area"),
                       torch.full((1, 4, 4, 4), 1024.0, dtype=torch.float64))  # fmt: skip
    assert_pages_say(
        ("interpolate-dtypes.md", "adds in the dtype itself"),
        ("interpolate-dtypes.zh.md", "直接用该数据类型累加"),
    )


@pytest.mark.skipif(not VECTORISED_UINT8, reason="this CPU has no AVX2: torch takes its generic uint8 kernel")
def test_three_channel_uint8_to_one_pixel_fails_only_for_a_contiguous_tensor_not_for_a_crop():
    # Review 52: the page said the 3-channel uint8 1x1 resize fails "in the contiguous format"; a crop or a strided
    # view in that layout is not contiguous, and the vectorised kernel copies it to channels_last first, so it works
    # (and gives the channels_last result); a view that is still contiguous (one image of a batch, three of five
    # channels of a single image) fails.
    base = torch.randint(0, 256, (2, 3, 30, 40), generator=torch.Generator().manual_seed(0), dtype=torch.uint8)
    five = torch.randint(0, 256, (1, 5, 30, 40), generator=torch.Generator().manual_seed(1), dtype=torch.uint8)
    views = {
        "contiguous": base,
        "one image of the batch": base[1:],
        "three of five channels": five[:, 1:4],
        "crop": base[:, :, 2:20, 5:30],
        "every other row": base[:, :, ::2],
        "every third column": base[:, :, :, ::3],
        "expanded batch": base[:1].expand(3, -1, -1, -1),
        "height and width swapped": base.transpose(2, 3),
    }
    modes = [("bilinear", False), ("bilinear", True), ("bicubic", False), ("bicubic", True)]
    modes += [("lanczos", True)] * HAS_LANCZOS
    for name, view in views.items():
        for mode, antialias in modes:
            if view.is_contiguous():
                with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
                    F.interpolate(view, size=(1, 1), mode=mode, antialias=antialias)
            else:
                out = F.interpolate(view, size=(1, 1), mode=mode, antialias=antialias)
                last = F.interpolate(
                    view.contiguous(memory_format=torch.channels_last), size=(1, 1), mode=mode, antialias=antialias
                )
                assert torch.equal(out, last), (name, mode, antialias)
    assert_pages_say(
        ("interpolate-dtypes.md", "such as a crop"),
        ("interpolate-dtypes.zh.md", "比如裁剪出来的一块"),
    )


def test_cuda_antialias_kernel_keeps_its_weights_in_the_dtype():
    # Review 59: the page put the CUDA antialias kernel's extra half-precision error on its storing the horizontal
    # pass alone; its weights are stored in the dtype too (the installed CUDA header, shipped on every build), before
    # and after they are divided by their sum, while the sum itself and each pass's accumulator are accscalar_t.
    header = (Path(torch.__file__).parent / "include/ATen/native/cuda/UpSample.cuh").read_text(encoding="utf-8")
    weights = header[header.index("void _compute_weights(") :]
    weights = weights[: weights.index("\n}\n")]
    assert "scalar_t* wt_ptr," in weights and "wt_ptr[j] = static_cast<scalar_t>(w);" in weights
    assert "accscalar_t total_w" in weights and "wt_ptr[j] /= total_w;" in weights
    assert_pages_say(
        ("interpolate-dtypes.md", "stores its weights in the dtype, as the CPU's bicubic kernel does"),
        ("interpolate-dtypes.zh.md", "和 CPU 的双三次内核一样，把权重存成该数据类型"),
    )


@pytest.mark.filterwarnings("ignore:ComplexHalf support is experimental")
def test_complex_and_float8_pass_only_the_antialiased_copy_and_complex_area_to_one_pixel():
    # Review 64: the page said which integer dtypes fail beyond its five and named no complex or float8 dtype. They
    # fail in every mode and rank on non-empty input, in both formats, except the antialiased copy at the input's own
    # size (any of them) and area to a single pixel, a mean, which takes complex64 and complex128 only.
    others = [torch.complex32, torch.complex64, torch.complex128, torch.float8_e4m3fn, torch.float8_e5m2]
    others += [torch.float8_e4m3fnuz, torch.float8_e5m2fnuz, torch.float8_e8m0fnu]
    passed, tried = _cases_accepted(
        others,
        lambda shape, dtype: torch.ones(shape).to(dtype),
        # 130 per axis: a 4-D output beyond 128 pixels in height plus width takes the generic kernels
        lambda side, rank: [(n,) * (rank - 2) for n in (side, 2 * side, 1, 3)] + [(130,) * (rank - 2)] * (rank < 5),
    )
    complex_mean = {torch.complex64, torch.complex128}
    expected = {
        key
        for key, kwargs, x in tried
        if (kwargs.get("antialias") and key[4] == x.shape[2:])
        or (kwargs["mode"] == "area" and set(key[4]) == {1} and key[0] in complex_mean)
    }
    assert passed == expected and expected, passed ^ expected
    x = torch.randn(2, 3, 5, 4, dtype=torch.complex64)
    assert torch.allclose(F.interpolate(x, size=(1, 1), mode="area"), x.mean(dim=(-2, -1), keepdim=True))
    en = (ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "interpolate-dtypes.zh.md").read_text(encoding="utf-8")
    assert "(the other integer dtypes are below the table)" not in en and "（其他整数类型见表格下方）" not in zh
    assert "`complex64` and `complex128` (not `complex32`, nor any float8 type)" in en
    assert "接受 `complex64` 和 `complex128`（`complex32` 和任何 float8 类型都不行）" in zh


def test_cpu_half_precision_backward_drifts_past_half_an_epsilon_on_long_axes():
    # Review 64: "the backward passes of the upsampling kernels in float16 and bfloat16 stay within half an epsilon of
    # the float64 backward" was measured on axes of up to 61 pixels; on long axes the interpolating modes' float32
    # positions and weights (double in the float64 kernel) drift: the float32 backward parts from the float64 one by
    # as much, while nearest, which only picks indices, stays within half an epsilon.
    def relative_error(n, m, mode, dtype, seed):
        shape, size = ((1, 4, n), m) if mode in ("linear", "nearest") else ((1, 4, 2, n), (3, m))
        grads = []
        for kind in (dtype, torch.float64):
            x = torch.zeros(shape, dtype=kind, requires_grad=True)
            y = F.interpolate(x, size=size, mode=mode)
            gen = torch.Generator().manual_seed(seed)
            g = (torch.rand(y.shape, generator=gen, dtype=torch.float64) * 2 - 1).to(dtype).to(kind)
            grads.append(torch.autograd.grad(y, x, g)[0].double())
        return ((grads[0] - grads[1]).abs().max() / grads[1].abs().max()).item() / torch.finfo(torch.float16).eps

    for mode in ("linear", "bilinear", "bicubic"):
        for (n, m), bound in (((10000, 15001), 0.5), ((30000, 45001), 1.0)):
            assert relative_error(n, m, mode, torch.float16, 0) > bound, (mode, n, m)
        assert relative_error(30000, 45001, mode, torch.float32, 0) > 1.0, mode
    # bfloat16's epsilon is 8 times float16's: half of it is 4 of float16's
    assert relative_error(100000, 150001, "linear", torch.bfloat16, 0) > 4.0
    assert max(relative_error(30000, m, "nearest", torch.float16, 0) for m in (45001, 10001)) <= 0.5
    en = (ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "interpolate-dtypes.zh.md").read_text(encoding="utf-8")
    assert (
        "In float16, 10000 → 15001\npixels is off by more than half an epsilon, and 30000 → 45001 by more than one"
        in en
    )
    assert "in bfloat16, whose epsilon is 8 times\ncoarser, 100000 → 150001 by more than half of its own." in en
    assert "float16 下从 10000 个像素放大到 15001 个时误差超过半个 eps，30000 → 45001 时超过一个 eps" in zh
    assert "bfloat16 下（它的 eps 是 float16 的 8 倍），100000 → 150001 时超过它自己的半个 eps" in zh


def test_cpu_float64_backward_drifts_from_the_exact_one_on_long_axes_and_half_precision_further():
    # Review 66: the page said the float64 kernels compute positions and weights "in double", next to float16 and
    # bfloat16 drifting from the float64 backward; the float64 kernels floor each position in single precision
    # (guard_index_and_lambda in UpSample.h), so the float64 backward itself drifts from the exact transpose of the
    # linear map: more than a quarter of a float16 epsilon at 30000 -> 45001. The half-precision figures still hold
    # against the exact backward, built here from positions computed exactly in integers.
    eps = torch.finfo(torch.float16).eps

    # Review 67: the figures below hold against the exact backward in bicubic too (checked in linear only before),
    # and the float64 drift is less than the half-precision one at each size, as the page says
    def exact_backward(n, m, g, mode):
        i = np.arange(m, dtype=np.int64)
        pos = ((2 * i + 1) * n - m) / (2 * m)
        pos = np.maximum(pos, 0) if mode == "linear" else pos
        low = np.floor(pos).astype(np.int64)
        t = pos - low
        if mode == "linear":
            taps = {0: 1 - t, 1: t}
        else:  # the cubic convolution kernel with A = -0.75 at distances t + 1, t, 1 - t, 2 - t
            near = lambda d: (1.25 * d - 2.25) * d * d + 1  # noqa: E731
            far = lambda d: ((-0.75 * d + 3.75) * d - 6) * d + 3  # noqa: E731
            taps = {-1: far(t + 1), 0: near(t), 1: near(1 - t), 2: far(2 - t)}
        grad = np.zeros((g.shape[0], n))
        for row in range(g.shape[0]):
            for k, w in taps.items():
                grad[row] += np.bincount(np.clip(low + k, 0, n - 1), w * g[row], n)
        return grad

    def errors(n, m, dtype, seed, mode):
        gen = torch.Generator().manual_seed(seed)
        g = (torch.rand(4, m, generator=gen, dtype=torch.float64) * 2 - 1).to(dtype).double()
        exact = exact_backward(n, m, g.numpy(), mode)
        found = []
        for kind in (dtype, torch.float64):
            x = torch.zeros(1, 4, 1, n, dtype=kind, requires_grad=True)
            y = F.interpolate(
                x if mode == "bicubic" else x[:, :, 0], size=(1, m) if mode == "bicubic" else m, mode=mode
            )
            grad = torch.autograd.grad(y, x, g.to(kind).view(y.shape))[0].double().view(4, n).numpy()
            found.append(np.abs(grad - exact).max() / np.abs(exact).max() / eps)
        return found

    for seed, mode in itertools.product(range(3), ("linear", "bicubic")):
        assert errors(300, 451, torch.float64, seed, mode)[1] < 1e-10  # positions 1e-3 off whole: floorf is exact
        for (n, m), dtype, bound in (
            ((10000, 15001), torch.float16, 0.5),
            ((30000, 45001), torch.float16, 1.0),
            ((100000, 150001), torch.bfloat16, 4.0),
        ):
            half, double = errors(n, m, dtype, seed, mode)
            assert half > bound and double < half, (seed, mode, n, half, double)
            assert n != 30000 or double > 0.25, (seed, mode, double)
    en = (ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "interpolate-dtypes.zh.md").read_text(encoding="utf-8")
    assert (
        "(the float64 kernels in double)" not in en and "in `linear` at 30000 → 45001 it is more\nthan a quarter" in en
    )
    assert "（float64 内核用双精度）" not in zh and "它与精确的反向传播相差超过四分之一个 float16 eps" in zh


@pytest.mark.parametrize("capability", ["default", None])
def test_nearest_exact_formats_do_not_part_at_times_41_on_2_pixels(capability):
    # Review 64: the nearest-exact bullet gave "x20.5 and x41 on 2 pixels" as its factors; x41 (2 -> 82) is the float64
    # `nearest` case of the next bullet: nearest-exact has no tie there (positions (i + 1/2)/41) and both formats agree.
    env = {"ATEN_CPU_CAPABILITY": capability} if capability else {}
    code = (
        "import torch, torch.nn.functional as F\n"
        "def part(rank, dtype, mode, by_size):\n"
        "    lead = (100,) if rank == 4 else (2, 2)\n"
        "    x = torch.arange(2).to(dtype).view((1, 1) + (1,) * len(lead) + (2,)).expand((1, 4) + lead + (2,)).contiguous()\n"
        "    layout = torch.channels_last if rank == 4 else torch.channels_last_3d\n"
        "    request = {'size': lead + (82,)} if by_size else {'scale_factor': (1.0,) * len(lead) + (41.0,)}\n"
        "    a = F.interpolate(x, mode=mode, **request)\n"
        "    b = F.interpolate(x.contiguous(memory_format=layout), mode=mode, **request)\n"
        "    return (a.double() - b.double()).abs().max().item()\n"
        "print([part(r, d, 'nearest-exact', s) for r in (4, 5) for d in (torch.float32, torch.float64) for s in (True, False)]"
        " + [part(4, torch.float64, 'nearest', s) for s in (True, False)])\n"
    )
    parts = ast.literal_eval(run_python(code, **env))
    assert parts == [0.0] * 8 + [1.0, 1.0], parts
    en = (ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "interpolate-dtypes.zh.md").read_text(encoding="utf-8")
    assert "(×20.5 and ×41 on 2 pixels)" not in en and "(`nearest`, 2 → 82 or ×41: output 41;" in en
    assert "（2 个像素 ×20.5 和 ×41）" not in zh and "（`nearest`，2 → 82 或 ×41 时下标为 41 的输出；" in zh


def test_uint8_bicubic_and_lanczos_match_the_float_result_where_one_axis_changes(ns):
    # Review 107: the page said "bicubic and lanczos differ from the rounded float32 result by many levels", as a rule;
    # that needs a clip between two passes: where only one axis changes (given as a size), the uint8 kernel makes one
    # pass and stays within one level of the float32 result rounded once, on the photograph, enlarged or reduced.
    image = ns["image"]
    for name in ("bicubic", "bicubic, antialias", "lanczos, antialias"):
        kwargs = ns["MODES"][name]
        for size in ((256, 128), (128, 256), (64, 128), (128, 64), (128, 45), (301, 128)):
            out = F.interpolate(image, size=size, **kwargs).float()
            once = ns["to_uint8"](F.interpolate(image.float(), size=size, **kwargs))
            assert (out - once).abs().max() <= 1, (name, size)
        assert ns["rounding"][name, (256, 256)][0] > 5 and ns["rounding"][name, (64, 64)][0] > 5, name
    en = (ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "interpolate-dtypes.zh.md").read_text(encoding="utf-8")
    assert "- In the table, `bicubic` and `lanczos` differ from the rounded float32 result by many levels," in en
    assert "- 表中 `bicubic` 和 `lanczos` 与舍入后的 float32 结果相差很多个灰度级，" in zh


def test_the_rounding_crop_is_the_cap_and_forehead_not_the_face(ns):
    # Review r127-3: the rounding cell's comment called photo[40:168, 192:320] "the face"; those 128 rows end above the
    # eyes: the top three quarters are the black cap with its gold badge (the bicubic page's "badge on the cap",
    # photo[60:124, 200:264], lies inside it), the bottom quarter bare forehead. A crop of the face proper (from row 150
    # down, same columns) has under a tenth of its top three quarters dark.
    source = (ROOT / "examples" / "interpolate_dtypes.py").read_text()
    assert (
        "the face" not in source
        and "# 128x128 of the photo: the cap with its badge, and the forehead below it" in source
    )

    def dark_and_skin(crop):
        rgb = crop.astype(np.float64)
        dark = rgb.mean(axis=2) < 60
        r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
        skin = (r > 120) & (r > g + 10) & (g > b)
        return dark[:96].mean(), skin[96:].mean(), dark[96:].mean()

    crop = ns["photo"].numpy()
    assert crop.shape == (128, 128, 3)
    top_dark, bottom_skin, bottom_dark = dark_and_skin(crop)
    assert top_dark > 0.5 and bottom_skin > 0.9 and bottom_dark < 0.05, (top_dark, bottom_skin, bottom_dark)
    import matplotlib.pyplot as plt
    from matplotlib.cbook import get_sample_data

    with get_sample_data("grace_hopper.jpg") as file:
        full = plt.imread(file)
    assert np.array_equal(full[40:168, 192:320], crop)
    for row in (150, 170, 190):  # crops that hold the eyes: little dark cap left in them
        assert dark_and_skin(full[row : row + 128, 192:320])[0] < 0.1


def test_pillow_closeness_is_antialiased_plain_modes_part_from_pillow_by_more_than_ten_levels():
    # Review r127-3: the paragraph on Pillow said torch's uint8 output is closer to Pillow's than float32 rounded at the
    # end, and differs at Pillow's height-first sizes "by one level in `bilinear` and by one to several in `bicubic`",
    # naming no antialias (the page's `bilinear` and `bicubic` rows are the plain modes). Only the antialiased modes
    # follow Pillow's filters: plain ones keep their narrow kernel when shrinking and part by tens of levels.
    from matplotlib.cbook import get_sample_data
    from PIL import Image

    with get_sample_data("grace_hopper.jpg") as f:
        photo = np.array(Image.open(f).convert("RGB"))[:256, :256]
    image = Image.fromarray(photo)
    x = torch.from_numpy(photo).permute(2, 0, 1)[None].contiguous()
    for mode, filt in (("bilinear", Image.BILINEAR), ("bicubic", Image.BICUBIC)):
        for h, w in ((200, 250), (90, 200), (10, 200), (50, 100)):
            pil = np.asarray(image.resize((w, h), filt)).astype(int)
            gap = {}
            for antialias in (False, True):
                u8 = F.interpolate(x, size=(h, w), mode=mode, antialias=antialias)
                as_float = F.interpolate(x.float(), size=(h, w), mode=mode, antialias=antialias).round().clamp(0, 255)
                for name, out in (("uint8", u8), ("float32", as_float)):
                    gap[name, antialias] = np.abs(out[0].permute(1, 2, 0).numpy().astype(int) - pil).max()
            assert gap["uint8", False] > 10 and gap["float32", False] > 10, (mode, h, w, gap)
            assert gap["uint8", True] <= (1 if mode == "bilinear" or h == 10 else 7), (mode, h, w, gap)
        for h, w in ((128, 128), (300, 181), (200, 64), (50, 100), (100, 50)):  # Pillow goes width first here
            pil = np.asarray(image.resize((w, h), filt)).astype(int)
            u8 = F.interpolate(x, size=(h, w), mode=mode, antialias=True)[0].permute(1, 2, 0).numpy().astype(int)
            as_float = F.interpolate(x.float(), size=(h, w), mode=mode, antialias=True).round().clamp(0, 255)
            once = as_float[0].permute(1, 2, 0).numpy().astype(int)
            assert (u8 != pil).mean() < 0.01 < 0.05 < (once != pil).mean(), (mode, h, w)
    en = " ".join((ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8").split())
    zh = (ROOT / "docs" / "interpolate-dtypes.zh.md").read_text(encoding="utf-8")
    assert "by one level in `bilinear` and" not in en
    assert (
        "torch's uint8 output with `antialias=True` is closer to Pillow's than float32 rounded at the end is (without "
        "antialias, `bilinear` and `bicubic` keep their narrow kernel when shrinking, and 256 × 256 → 200 × 250 parts "
        "them from Pillow by more than ten levels in either dtype)" in en
    )
    assert "by one level in `bilinear, antialias` and by one to several in `bicubic, antialias`" in en
    assert "256 × 256 → 200 × 250 时无论哪种数据类型都与 Pillow 相差十个以上灰度级" in zh
    assert "`bilinear, antialias` 差一个灰度级，`bicubic, antialias` 差一到好几个灰度级" in zh


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_cpu_bilinear_rounds_once_on_one_thread_only_for_three_channels(dtype):
    # Review r128-3: the page says torch takes the kernel that rounds once also "when torch runs on one thread and the
    # image has 3 channels"; the test above ran on two threads only, so nothing bound that clause. Contiguous 64x64 ->
    # 90x90 (height + width > 128): on one thread 3 channels stay at or below half an epsilon and 1, 2, 4 or 8 do not;
    # on two threads 3 channels do not either.
    eps = torch.finfo(dtype).eps
    threads = torch.get_num_threads()
    try:
        for num_threads in (1, 2):
            torch.set_num_threads(num_threads)
            for channels in (1, 2, 3, 4, 8):
                for seed in range(3):
                    x = torch.rand(
                        1, channels, 64, 64, dtype=torch.float64, generator=torch.Generator().manual_seed(seed)
                    ).to(dtype)
                    out = F.interpolate(x, size=(90, 90), mode="bilinear").double()
                    kernel = (out - F.interpolate(x.double(), size=(90, 90), mode="bilinear")).abs().max().item()
                    rounded_once = num_threads == 1 and channels == 3
                    assert (kernel <= 0.5 * eps * (1 + 1e-3)) == rounded_once, (
                        num_threads,
                        channels,
                        seed,
                        kernel / eps,
                    )
    finally:
        torch.set_num_threads(threads)
    assert_pages_say(
        ("interpolate-dtypes.md", "or torch runs on one thread and the image has 3 channels"),
        ("interpolate-dtypes.zh.md", "或者 torch 只用一个线程且图像是 3 通道时，torch 才改用另一个只舍入一次的内核"),
    )


def test_area_to_one_pixel_formats_part_by_up_to_6_steps_over_2000_batches_of_two():
    # Review r128-3: the page said "3x3 -> 1x1 ... by a few steps on random images in [0, 1): up to 6 over 2000 of
    # them"; the test bound 300 draws per channel count at "at most 6", so neither count was checked. 6 steps needs
    # 2000 batches of two (the table's batch) of 32-channel images: 2000 single images reach 4 or 5, and 3-channel
    # images reach 4 either way. Draws: torch.rand float32, seeds 0 to 2.
    def steps(a, b):
        return (a.contiguous().view(torch.int32).long() - b.contiguous().view(torch.int32).long()).abs().max().item()

    def worst(seed, batch):
        gen = torch.Generator().manual_seed(seed)
        found = {3: 0, 32: 0}
        for _ in range(2000):
            for channels in found:
                x = torch.rand(batch, channels, 3, 3, generator=gen)
                plain = F.interpolate(x, size=(1, 1), mode="area")
                last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(1, 1), mode="area")
                found[channels] = max(found[channels], steps(plain, last))
        return found

    pairs = [worst(seed, 2) for seed in range(3)]
    assert max(w[32] for w in pairs) == 6 and all(w[3] == 4 for w in pairs), pairs
    singles = [worst(seed, 1) for seed in range(3)]
    assert all(4 <= w[32] <= 5 and w[3] == 4 for w in singles), singles
    assert_pages_say(
        (
            "interpolate-dtypes.md",
            "by a few steps on random images in [0, 1): up to 6 over 2000 batches of two 32-channel images, 4 with 3 "
            "channels;",
        ),
        (
            "interpolate-dtypes.zh.md",
            "在 [0, 1) 内的随机图像上差几个舍入单位：2000 批、每批两张 32 通道的随机图像中最多差 6 个，3 通道时最多差 4 个；",
        ),
    )


def test_the_lines_that_isolate_the_kernel_error_are_the_epsilon_lines_not_the_last(ns):
    # Review r130-3: the page said "The numbers in brackets, and the last lines, isolate what the kernel itself adds",
    # but the cell's last line (one per device) is bfloat16's largest error over float16's, a ratio of the table's
    # total errors (input rounding included), not of the kernel's; and "the last lines give its range" named that
    # one line as several on a CPU-only build.
    lines = printed_by("interpolate_dtypes.py").splitlines()
    start = lines.index(next(line for line in lines if line.startswith("| device | mode | float32 max error")))
    below = [line for line in lines[start:] if line.startswith("- ")]
    eps_lines = [line for line in below if "largest kernel error" in line]
    ratio_lines = [line for line in below if "times float16's" in line]
    places = ns["places"]
    assert len(eps_lines) == 3 * len(places) and len(ratio_lines) == len(places)
    assert below == eps_lines + ratio_lines  # the ratio lines end the cell
    precision = ns["precision"]
    for where, line in zip(places, ratio_lines):
        both = [
            n for (w, n, d) in precision if w == where and d == torch.bfloat16 and (w, n, torch.float16) in precision
        ]
        total = [precision[where, n, torch.bfloat16][0] / precision[where, n, torch.float16][0] for n in both]
        kernel = [
            precision[where, n, torch.bfloat16][1] / precision[where, n, torch.float16][1]
            for n in both
            if precision[where, n, torch.float16][1] > 0
        ]  # nearest copies: no kernel error
        assert f"{min(total):.1f} to {max(total):.1f} times" in line  # the totals' ratio ...
        assert f"{min(kernel):.1f} to {max(kernel):.1f} times" not in line  # ... not the kernel's
    page = " ".join((ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8").split())
    assert "and the last lines, isolate" not in page and "the last lines give its range" not in page
    assert_pages_say(
        (
            "interpolate-dtypes.md",
            "The numbers in brackets, and the lines below the table that give each dtype's epsilon, isolate what the "
            "kernel itself adds",
        ),
        ("interpolate-dtypes.md", "the cell's last line (one per device) gives its range over this table's modes"),
        ("interpolate-dtypes.zh.md", "括号里的数字，以及表下给出各数据类型 eps 的那几行，单独给出内核本身引入的误差"),
        ("interpolate-dtypes.zh.md", "单元格的最后一行（每个设备一行）给出它在本表各模式上的范围"),
    )


def test_the_channels_last_cells_uint8_draws_span_0_to_254_as_its_comment_says():
    # The cell draws uint8 as (255 * torch.rand).to(uint8): the cast truncates and rand < 1, so 255 never comes; the
    # comment said "0..255" until a reviewer counted.
    source = " ".join((ROOT / "examples" / "interpolate_dtypes.py").read_text(encoding="utf-8").split())
    assert "x = (x * 255).to(dtype) if dtype == torch.uint8" in source
    assert "uint8 in 0..254 (255 times a float in [0, 1), truncated)" in source
    assert "Floats are drawn in [0, 1) in float32" in source
    assert "x = torch.rand(2, channels, *size_in, device=where)" in source
    torch.manual_seed(0)
    drawn = (torch.rand(2, 32, 256, 256) * 255).to(torch.uint8)
    assert (drawn.min().item(), drawn.max().item()) == (0, 254)


def test_the_channels_last_cells_bfloat16_draws_reach_1_as_its_comment_says():
    # Review r136-3: the cell's comment said "Floats are in [0, 1)"; the bfloat16 column draws torch.rand in float32
    # and rounds it to bfloat16, which takes every draw above 1 - 2**-9 to exactly 1 (about 1 in 512: over a hundred
    # per 37x53 batch of two 32-channel maps, for every seed tried). The float32 columns stay below 1.
    source = " ".join((ROOT / "examples" / "interpolate_dtypes.py").read_text(encoding="utf-8").split())
    assert "Floats are in [0, 1)," not in source
    assert "Floats are drawn in [0, 1) in float32 (rounding to bfloat16 takes some of them to 1)," in source
    assert "x = (x * 255).to(dtype) if dtype == torch.uint8 else x.to(dtype)" in source
    assert '"bfloat16, C=32": (torch.bfloat16, 32)' in source
    for seed in range(20):
        x = torch.rand(2, 32, 37, 53, generator=torch.Generator().manual_seed(seed))
        assert x.max() < 1 and (x.to(torch.bfloat16) == 1).sum() > 100, seed


def test_the_pointers_to_the_channels_last_and_autocast_cells_output_land_on_what_the_page_says():
    # Review r133-3: positional pointers into printed output that no test bound: the 1x1 input made with .contiguous
    # comes back contiguous "(the lines below the table)" and the ones made with .to or adaptive pooling stay
    # channels_last "(the last lines)" (zh 见表格下面几行, 见最后几行); the 3-channel uint8 assert is "the RuntimeError at
    # 3×3 → 1×1" of the table (zh 表中 3×3 → 1×1 处的 RuntimeError), where torch runs its AVX2 or AVX-512 code; and
    # "The docstring line above" (zh 上面的文档说明) is the autocast cell's last line.
    # Review r138-3: "the lines below the table" are four, and the last two stay channels_last: the pointer for the
    # map that comes back contiguous is "the first two lines below the table" (zh 表格下面的前两行), and the one for the
    # maps that keep the format "the last two lines" (zh 最后两行); the old words are gone from both pages.
    lines = printed_by("interpolate_dtypes.py").splitlines()
    header = lines.index(next(line for line in lines if line.startswith("| device | mode | float32, C=3 |")))
    rows = [line for line in lines[header + 2 :] if line.startswith("| ")]
    rows = rows[: next(i for i, line in enumerate(rows) if line.startswith("| device |"))]  # up to the next table
    after = lines[header + 2 + len(rows) :]
    below = [
        line for line in after[: after.index(next(line for line in after if line.startswith("| device |")))] if line
    ]
    assert len(below) == 4, below
    assert below[0].startswith("A 2x3x1x1 tensor in channels_last is also contiguous: True")
    assert ".contiguous(memory_format=torch.channels_last)" in below[1] and below[1].endswith("channels_last: False")
    assert all(line.endswith("output channels_last: True") for line in below[2:])
    assert ".to(memory_format" in below[2] and "adaptive_avg_pool2d" in below[3]
    for page, old in (
        ("interpolate-dtypes.md", "contiguous (the lines below the table)"),
        ("interpolate-dtypes.md", "(the last lines)"),
        ("interpolate-dtypes.zh.md", "见表格下面几行"),
        ("interpolate-dtypes.zh.md", "见最后几行"),
    ):
        assert old not in " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split()), (page, old)
    column = lines[header].split(" | ").index("uint8, C=3")
    failing = [
        row.split(" | ")[1]
        for row in rows
        if "`RuntimeError (contiguous input only)` at 3x3→1x1" in row.split(" | ")[column]
    ]
    vectorised = torch.backends.cpu.get_cpu_capability() != "DEFAULT"
    expected = ["`bilinear`", "`bilinear, antialias`", "`bicubic`", "`bicubic, antialias`", "`lanczos, antialias`"]
    assert failing == (expected if vectorised else []), failing
    assert all("RuntimeError" not in row.split(" | ")[c] for row in rows for c in range(2, column))
    autocast = lines.index(next(line for line in lines if line.startswith("| device | autocast dtype |")))
    rest = [line for line in lines[autocast:] if line and not line.startswith("|")]
    assert len(rest) == 1 and rest[0].startswith("F.interpolate docstring: `The gradients for the dtype float16")
    assert_pages_say(
        ("interpolate-dtypes.md", "and the output comes back contiguous (the first two lines below the table)."),
        ("interpolate-dtypes.md", "and its output stays `channels_last` (the last two lines)."),
        (
            "interpolate-dtypes.md",
            "with an internal assert in the vectorised uint8 kernel (the `RuntimeError` at 3×3 → 1×1)",
        ),
        ("interpolate-dtypes.md", "The docstring line above is read from the installed torch"),
        ("interpolate-dtypes.zh.md", "输出也就以连续格式返回（见表格下面的前两行）"),
        ("interpolate-dtypes.zh.md", "输出也保持 `channels_last`（见最后两行）"),
        ("interpolate-dtypes.zh.md", "（表中 3×3 → 1×1 处的 `RuntimeError`）"),
        ("interpolate-dtypes.zh.md", "上面的文档说明是从已安装的 torch 中读出来的"),
    )


@pytest.mark.skipif(not VECTORISED_UINT8, reason="this CPU has no AVX2")
@pytest.mark.parametrize(
    "mode,antialias",
    [("bilinear", False), ("bilinear", True), ("bicubic", False), ("bicubic", True), ("lanczos", True)],
)
def test_other_channel_counts_and_outputs_work_in_every_mode_the_assert_hits(mode, antialias):
    # Review r133-3: "A single row works, and so do 1, 2 or 4 channels and outputs of 1×2 or 2×1" follows the list of
    # the five modes the assert hits (bilinear, bicubic, with or without antialias, lanczos, antialias), but the test
    # of channels and outputs tried bilinear only. Each of the five, from inputs of 2 to 7 rows.
    if mode == "lanczos" and not HAS_LANCZOS:
        pytest.skip("this torch has no lanczos")
    for channels, size_out, size_in in itertools.product(
        (1, 2, 3, 4, 5), ((1, 1), (1, 2), (2, 1)), ((2, 2), (3, 4), (7, 5))
    ):
        x = torch.zeros(2, channels, *size_in, dtype=torch.uint8)
        if (channels, size_out) == (3, (1, 1)):
            with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
                F.interpolate(x, size=size_out, mode=mode, antialias=antialias)
        else:
            assert F.interpolate(x, size=size_out, mode=mode, antialias=antialias).shape == (2, channels, *size_out)
    assert_pages_say(
        ("interpolate-dtypes.md", "A single row works, and so do 1, 2 or 4 channels and outputs of 1×2 or 2×1."),
        ("interpolate-dtypes.zh.md", "只有一行的输入没有问题，1、2 或 4 个通道、输出为 1×2 或 2×1 时也没有问题"),
    )


def test_the_link_to_the_8_bit_section_says_which_sizes_that_section_measures():
    """Review r138-3: "(several at 90 × 200, one at 10 × 200; see [Against Pillow, OpenCV, scikit-image](...#8-bit-images))"
    sent the reader to a section that measures neither size: its height-first sizes are 181 × 300 and 64 × 200. The
    page now says the link measures two more such sizes, and names them; both are height-first by the page's own rule
    (height shrinks, and H_in - H_out > 2 (W_in - W_out)), and the section still names them and not the page's two."""
    text = (ROOT / "docs" / "other-libraries.md").read_text(encoding="utf-8")
    section = " ".join(text.split("## 8-bit images")[1].split("\n## ")[0].split())
    assert "256 → 181×300 and 256 → 64×200" in section
    assert "90×200" not in section.replace(" × ", "×") and "10×200" not in section.replace(" × ", "×")
    for h_out, w_out in ((181, 300), (64, 200)):
        assert h_out < 256 and 256 - h_out > 2 * (256 - w_out), (h_out, w_out)
    assert_pages_say(
        (
            "interpolate-dtypes.md",
            "(several at 90 × 200, one at 10 × 200; [Against Pillow, OpenCV, scikit-image](other-libraries.md#8-bit-images) "
            "measures two more such sizes, 181 × 300 and 64 × 200)",
        ),
        (
            "interpolate-dtypes.zh.md",
            "[与 Pillow、OpenCV、scikit-image 对比](other-libraries.md#8-位图像)一页另测了两个这样的尺寸：181 × 300 和 64 × 200）",
        ),
    )
    page = " ".join((ROOT / "docs" / "interpolate-dtypes.md").read_text(encoding="utf-8").split())
    assert "one at 10 × 200; see [Against" not in page


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_one_pixel_wide_bug_pointers_land_on_its_section_of_the_support_page(language):
    """Review r139-3: the pointers from the one-pixel-wide bug to "see [Which modes work where](interpolate-support.md)"
    (zh 见[各模式支持哪些输入](interpolate-support.md)) landed on the top of that page, which is about which arguments
    constrain each other and does not mention the bug; its section A one-pixel-wide output on the CPU
    (#width-one-bug, zh CPU 上一个像素宽的输出) states it. Every link to the support page whose sentence names the bug
    now carries that anchor, and the section it lands on is the bug's."""
    assert_width_one_bug_links_land_on_its_section("interpolate-dtypes", language, at_least=1)


@pytest.mark.parametrize(
    ("suffix", "anchor", "words"),
    [
        (".md", "#dtypes-and-devices", "own size, both axes"),
        (".zh.md", "#dtype-与设备", "在检查 dtype 之前就直接复制输入"),
    ],
)
def test_the_cuda_uint8_bilinear_pointer_lands_on_the_support_pages_dtypes_section(suffix, anchor, words):
    """Review r139-3: "(the plain `bilinear` kernel accepts uint8 only at the input's own size, where it copies the input
    before its dtype check, [Which modes work where](interpolate-support.md)" (zh 见[各模式支持哪些输入](...)) landed
    on the top of that page, which says nothing of dtypes; its section Dtypes and devices (zh dtype 与设备) states the
    CUDA uint8 copy. The link carries that section's anchor, as mkdocs writes it in each language."""
    text = (ROOT / "docs" / f"interpolate-dtypes{suffix}").read_text(encoding="utf-8")
    assert "](interpolate-support.md)" not in text
    assert f"](interpolate-support.md{anchor})" in text
    support = (ROOT / "docs" / f"interpolate-support{suffix}").read_text(encoding="utf-8")
    sections = re.split(r"^## ", support, flags=re.M)
    slugs = {re.sub(r"[^\w\s-]", "", s.splitlines()[0]).strip().lower().replace(" ", "-"): s for s in sections[1:]}
    assert words in slugs[anchor[1:]] and words not in sections[0]


@pytest.mark.parametrize(
    ("suffix", "link", "heading", "words"),
    [
        (
            ".md",
            "is on the section Large images: float32 positions of [Against Pillow, OpenCV, scikit-image]"
            "(other-libraries.md#large-images-float32-positions))",
            "## Large images: float32 positions",
            "so the gap grows with the image",
        ),
        (
            ".zh.md",
            "见[与 Pillow、OpenCV、scikit-image 对比](other-libraries.md#大图float32-的采样位置)一页的“大图：float32 的采样位置”一节",
            "## 大图：float32 的采样位置",
            "float32",
        ),
    ],
)
def test_the_pointer_to_how_float32_error_grows_with_size_lands_on_the_large_images_section(
    suffix, link, heading, words
):
    """Review r139-3: "(how that grows with the image size is on [Against Pillow, OpenCV, scikit-image](other-libraries.md))"
    (zh 见[...](other-libraries.md)) landed on the top of that page, whose matches are on images of at most 256 pixels
    a side; its section Large images: float32 positions (zh 大图：float32 的采样位置, anchors as mkdocs writes them)
    shows the float32 gap growing with the image. The link carries that anchor and names the section."""
    text = " ".join((ROOT / "docs" / f"interpolate-dtypes{suffix}").read_text(encoding="utf-8").split())
    assert "(other-libraries.md)" not in text and link in text
    target = (ROOT / "docs" / f"other-libraries{suffix}").read_text(encoding="utf-8")
    top, _, rest = target.partition(f"\n{heading}\n")
    section = rest.split("\n## ")[0]
    assert rest and words in section
    assert "::: example other_libraries.py#large_images" in section  # the cell that measures it by size


_NEAREST_UINT8_AS_FLOAT32 = """
import itertools, random, torch, torch.nn.functional as F
random.seed(7)
cases = [((2, n_in), (2, n_out)) for n_in, n_out in [(2, 41), (2, 82), (201, 202), (26, 22), (3, 7), (20000, 30001)]]
cases += [((random.randint(1, 150), random.randint(1, 150)), (random.randint(1, 150), random.randint(1, 150)))
          for _ in range(20)]
differ = []
for mode, (size_in, size_out), channels, layout, how in itertools.product(
        ("nearest", "nearest-exact"), cases, (1, 3, 4, 8), ("contiguous", "channels_last"), ("size", "scale_factor")):
    x = torch.arange(channels * size_in[0] * size_in[1]).reshape(1, channels, *size_in).remainder(251).to(torch.uint8)
    if layout == "channels_last":
        x = x.contiguous(memory_format=torch.channels_last)
    if how == "size":
        kwargs = dict(size=size_out)
    else:
        kwargs = dict(scale_factor=tuple(o / i for o, i in zip(size_out, size_in)))
    u8 = F.interpolate(x, mode=mode, **kwargs)
    f32 = F.interpolate(x.float(), mode=mode, **kwargs)
    if u8.shape != f32.shape or not torch.equal(u8.float(), f32):
        differ.append((mode, size_in, size_out, channels, layout, how))
for mode, n_in, factor in itertools.product(("nearest", "nearest-exact"), (10, 201, 7), (1.05, 1.0025, 20.5, 0.7)):
    x = torch.arange(2 * n_in).reshape(1, 2, n_in).remainder(251).to(torch.uint8)
    x3 = x.reshape(1, 2, 1, 1, n_in)
    for t in (x, x.reshape(1, 2, 1, n_in), x3):
        factors = (1.0,) * (t.dim() - 3) + (factor,)
        if not torch.equal(F.interpolate(t, scale_factor=factors, mode=mode).float(),
                           F.interpolate(t.float(), scale_factor=factors, mode=mode)):
            differ.append((mode, t.dim(), n_in, factor))
print(differ)
"""


@pytest.mark.parametrize("capability", ["default", None])
def test_nearest_modes_give_uint8_the_float32_values_at_every_size_layout_and_factor(capability):
    # Review r140-3: "nearest and nearest-exact only copy pixels, so uint8 and float32 give the same values" was
    # checked only on the rounding table's image at 256x256 and 64x64 given as a size. The rule is general: sweep
    # sizes (the float32 ties 2 -> 41 and 2 -> 82, kept axes, long rows, random sizes), scale factors, channel
    # counts, both layouts, 3-D, 4-D and 5-D input, and the generic and vectorised CPU code.
    assert_pages_say(
        ("interpolate-dtypes.md", "`nearest` and `nearest-exact` only copy pixels, so uint8 and float32 give the same"),
        ("interpolate-dtypes.zh.md", "`nearest` 和 `nearest-exact` 只是复制像素，uint8 和 float32 得到的值完全相同"),
    )
    env = {"ATEN_CPU_CAPABILITY": capability} if capability else {}
    if not capability and not VECTORISED_UINT8:
        pytest.skip("this CPU runs the default code")
    assert run_python(_NEAREST_UINT8_AS_FLOAT32, **env).strip() == "[]"
