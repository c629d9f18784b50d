"""The claims of docs/glossary*.md that no page's example shows, tested over the domain each entry implies."""

import importlib.util
import itertools
import math
import re
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from helpers import ROOT, assert_pages_say


def cubic(t, a):
    """Keys' cubic convolution kernel with parameter a."""
    t = abs(t)
    if t < 1:
        return ((a + 2) * t - (a + 3)) * t * t + 1
    if t < 2:
        return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a
    return 0.0


def cubic_resize(row, out, a, border):
    """A row resized with align_corners=False by the cubic of parameter a, stretched by in/out when shrinking.
    border="repeat" reads the edge pixel for taps outside the row, "drop" leaves them out and rescales the rest."""
    n = len(row)
    scale = n / out
    stretch = max(scale, 1.0)
    values = []
    for d in range(out):
        centre = (d + 0.5) * scale  # in pixel-edge coordinates: pixel j spans [j, j + 1)
        taps = range(math.floor(centre - 2 * stretch), math.ceil(centre + 2 * stretch))
        if border == "drop":
            taps = [j for j in taps if 0 <= j < n]
        weights = [cubic((j + 0.5 - centre) / stretch, a) for j in taps]
        values.append(sum(w * row[min(max(j, 0), n - 1)] for w, j in zip(weights, taps)) / sum(weights))
    return values


def test_glossary_antialiased_bicubic_is_another_kernel_even_when_enlarging():
    # Review 52: the bicubic row said that with antialias=True "when shrinking, the kernel is stretched by the
    # factor", as if antialias only stretched the plain mode's kernel. It swaps it: Keys' a = -0.5 instead of
    # -0.75, taps outside the input dropped instead of repeating the edge, so it changes enlarging too.
    generator = torch.Generator().manual_seed(0)
    gap = {"shrink": 0.0, "enlarge": 0.0}
    for n in range(4, 12):
        for out in [o for o in range(2, 26) if o != n]:
            row = torch.rand(n, dtype=torch.float64, generator=generator)
            image = row.view(1, 1, 1, n)
            plain = F.interpolate(image, size=(1, out), mode="bicubic")[0, 0, 0]
            smooth = F.interpolate(image, size=(1, out), mode="bicubic", antialias=True)[0, 0, 0]
            expected = torch.tensor(cubic_resize(row.tolist(), out, -0.5, "drop"), dtype=torch.float64)
            torch.testing.assert_close(smooth, expected, rtol=0, atol=1e-12)
            # the same kernel in float32, in both layouts (4 channels: the channels-last loops run over channels)
            for layout in (torch.contiguous_format, torch.channels_last):
                single = image.float().expand(1, 4, 2, n).contiguous(memory_format=layout)
                got = F.interpolate(single, size=(2, out), mode="bicubic", antialias=True)
                torch.testing.assert_close(got, expected.float().expand(1, 4, 2, out), rtol=0, atol=1e-5)
            if out > n:
                repeat = torch.tensor(cubic_resize(row.tolist(), out, -0.75, "repeat"), dtype=torch.float64)
                torch.testing.assert_close(plain, repeat, rtol=0, atol=1e-12)
                gap["enlarge"] = max(gap["enlarge"], (smooth - plain).abs().max().item())
            else:  # what the old row described: the plain mode's kernel, stretched
                stretched = torch.tensor(cubic_resize(row.tolist(), out, -0.75, "drop"), dtype=torch.float64)
                gap["shrink"] = max(gap["shrink"], (smooth - stretched).abs().max().item())
    assert gap["shrink"] > 0.01 and gap["enlarge"] > 0.01
    for name, text in (
        ("glossary.md", "`antialias=True` swaps the kernel, even when enlarging, for the one of a = −0.5"),
        ("glossary.zh.md", "`antialias=True` 时换成 a = −0.5 的卷积核，放大时也是如此"),
    ):
        assert text in (ROOT / "docs" / name).read_text(encoding="utf-8"), name


def test_glossary_max_pooling_is_nan_exactly_in_the_windows_that_hold_a_nan():
    # The glossary's max pooling row, over ranks, channel counts (the vectorised channels-last loops run
    # over channels, 17 leaves a scalar tail), dtypes, layouts, the NaN first or last in the window, and the
    # kernels that also return indices.
    layouts = {2: torch.channels_last, 3: torch.channels_last_3d}
    for rank, pool in ((1, F.max_pool1d), (2, F.max_pool2d), (3, F.max_pool3d)):
        for channels in (1, 17):
            for dtype in (torch.float32, torch.float64, torch.bfloat16, torch.float16):
                for position in (0, 2**rank - 1):  # first and last in the window
                    x = torch.rand((1, channels) + (2,) * rank).to(dtype)
                    x[(0, channels // 2) + tuple((position >> axis) & 1 for axis in range(rank))] = float("nan")
                    expected = torch.zeros(channels, dtype=torch.bool)
                    expected[channels // 2] = True
                    inputs = [x] + ([x.contiguous(memory_format=layouts[rank])] if rank in layouts else [])
                    for x in inputs:
                        for indices in (False, True):
                            y = pool(x, 2, return_indices=indices)
                            y = y[0] if indices else y
                            assert torch.equal(y.isnan().flatten(), expected), (
                                rank,
                                channels,
                                dtype,
                                position,
                                indices,
                            )


WIDE_TAPS = """
import torch, torch.nn.functional as F
torch.set_num_threads(1)
summary = {}
for mode, plain in (("bilinear", 2), ("bicubic", 4)):
    for dtype in (torch.float32, torch.float64):
        for n_in, n_out in ((10, 9), (100, 98)):
            one_hot = torch.eye(n_in, dtype=dtype).view(n_in, 1, 1, n_in)
            w = F.interpolate(one_hot, size=(1, n_out), mode=mode, antialias=True, align_corners=True)[:, 0, 0].T
            tiny = (w != 0) & (w.abs() < 1e-6)  # the real weights here are all above 4e-5
            summary[mode, str(dtype)[6:], n_in, n_out] = (
                int(((w.abs() >= 1e-6).sum(1) > plain).sum()),  # outputs that really read more than the plain taps
                int(((w != 0).sum(1) > plain).sum()),  # counting the weights exact arithmetic makes 0
                float(w[tiny].abs().max()) if tiny.any() else 0.0,
            )
print(repr(summary))
"""


def test_the_bilinear_rows_rounding_weight_falls_on_a_third_output_not_on_output_2():
    # Review r129-9: the en row's "rounding leaves a third output a weight of about 1e-7" means one more output
    # besides the two that read 3 pixels; the zh row's 第三个输出像素 reads "the third output pixel", output 2. At
    # 100 -> 98 with align_corners=True the two that read 3 are outputs 48 and 96, and the rounding weight falls
    # on output 47 in float32, 49 in float64: never output 2.
    for dtype in (torch.float32, torch.float64):
        one_hot = torch.eye(100, dtype=dtype).view(100, 1, 1, 100)
        w = F.interpolate(one_hot, size=(1, 98), mode="bilinear", antialias=True, align_corners=True)[:, 0, 0].T
        real = (w.abs() >= 1e-6).sum(1)
        tiny = ((w != 0) & (w.abs() < 1e-6)).any(1)
        reading_three = set((real == 3).nonzero().flatten().tolist())
        with_tiny = set(tiny.nonzero().flatten().tolist())
        assert len(reading_three) == 2 and len(with_tiny) == 1 and not with_tiny & reading_three, dtype
        assert 2 not in reading_three | with_tiny, dtype
    assert_pages_say(
        ("glossary.md", "while 100 → 98 reads 3 for two outputs (with True too, but rounding leaves a third output"),
        ("glossary.zh.md", "（设为 True 时也是两个，但舍入还会让另外一个输出像素，在一个精确计算下权重为 0 的像素上"),
    )
    assert "第三个输出像素" not in (ROOT / "docs" / "glossary.zh.md").read_text(encoding="utf-8")


def test_glossary_antialias_align_corners_true_near_a_factor_of_1_reads_few_extra_pixels():
    # Review 55: the bilinear and bicubic rows' align_corners=True cases at 10 -> 9 and 100 -> 98 had no test, and
    # the bicubic row's "weights below 2e-14 ... five [outputs] in float32" held only on an AVX2 CPU, and even there
    # missed a weight of 2.8e-14: torch's generic code leaves one weight of about 2e-7, so three outputs read 5.
    from helpers import run_python

    runs = {cap: eval(run_python(WIDE_TAPS, ATEN_CPU_CAPABILITY=cap)) for cap in ("avx2", "default")}
    namespace = {}
    exec(WIDE_TAPS.replace("print(repr(summary))", ""), namespace)
    assert namespace["summary"] == runs["avx2"] or torch.backends.cpu.get_cpu_capability() == "DEFAULT"
    for cap, summary in runs.items():
        for dtype in ("float32", "float64"):
            # bilinear: one of the 9 outputs reads 3; at 100 -> 98 two do, plus a third through a rounding weight
            assert summary["bilinear", dtype, 10, 9] == (1, 1, 0.0)
            real, rounded, tiny = summary["bilinear", dtype, 100, 98]
            assert (real, rounded) == (2, 3), (cap, dtype)
            assert (5e-8 < tiny < 2e-7) if dtype == "float32" else (1e-15 < tiny < 1e-14), (cap, dtype, tiny)
            # bicubic: one of the 9 outputs reads 5; at 100 -> 98 two do, plus rounding weights
            assert summary["bicubic", dtype, 10, 9] == (1, 1, 0.0)
        assert (
            summary["bicubic", "float64", 100, 98][:2] == (2, 4)
            and 0 < summary["bicubic", "float64", 100, 98][2] < 1e-14
        )
    real, rounded, tiny = runs["avx2"]["bicubic", "float32", 100, 98]
    assert (real, rounded) == (2, 5) and 2e-14 < tiny < 3e-14  # 2e-14 < tiny: the old "below 2e-14"
    real, rounded, tiny = runs["default"]["bicubic", "float32", 100, 98]
    assert (real, rounded) == (2, 3) and 1.5e-7 < tiny < 3e-7  # the old "five in float32" fails here
    for name, texts in (
        (
            "glossary.md",
            (
                "in float64 below 1e-14 on two more",
                "below 3e-14 on three more (five)",
                "about 2e-7 on one more (three)",
            ),
        ),
        ("glossary.zh.md", ("float64 里小于 1e-14", "小于 3e-14", "约 2e-7")),
    ):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert all(t in text for t in texts) and "2e-14" not in text, name


KEPT_AXIS_INF = """
import itertools
import torch, torch.nn.functional as F
found = set()
layouts = {1: [torch.contiguous_format], 2: [torch.contiguous_format, torch.channels_last],
           3: [torch.contiguous_format, torch.channels_last_3d]}
for (rank, mode), dtype, channels, align_corners in itertools.product(
    ((1, "linear"), (2, "bilinear"), (3, "trilinear")), (torch.float32, torch.float64), (1, 17), (False, True)
):
    for layout, n in itertools.product(layouts[rank], (3, 8)):
        for inf_at in (0, 1, n - 1):  # both borders and inside
            x = torch.rand((1, channels) + (n,) * rank, dtype=dtype)
            x[(0, 0) + (inf_at,) * rank] = float("inf")
            x = x.contiguous(memory_format=layout)
            where = torch.zeros((1, channels) + (n,) * rank, dtype=torch.bool)
            where[(0, 0) + (inf_at,) * rank] = True
            # every axis kept: nan exactly where the inf was, nothing infinite left
            y = F.interpolate(x, size=(n,) * rank, mode=mode, align_corners=align_corners)
            found.add((mode, "kept", torch.equal(y.isnan(), where), bool(y.isinf().any())))
            if rank > 1 and n == 8 and not align_corners:
                # the last axis halved (each output the mean of a pair), the others kept: nan where the pair held the inf
                y = F.interpolate(x, size=(n,) * (rank - 1) + (n // 2,), mode=mode)
                found.add((mode, "halved", torch.equal(y.isnan(), where[..., ::2] | where[..., 1::2]), bool(y.isinf().any())))
for (rank, mode), dtype, channels, out in itertools.product(
    ((1, "linear"), (2, "bilinear"), (3, "trilinear")), (torch.float32, torch.float64), (1, 17), (2, 7)
):
    # an inf at the last pixel of the last axis; the other axes go from 3 to 5, output 2 reading input 1 with weight 1
    x = torch.rand((1, channels) + (3,) * rank, dtype=dtype)
    x[(0, 0) + (1,) * (rank - 1) + (2,)] = float("inf")
    for align_corners in (False, True):
        y = F.interpolate(x, size=(5,) * (rank - 1) + (out,), mode=mode, align_corners=align_corners)
        last = y[(0, 0) + (2,) * (rank - 1) + (-1,)]
        found.add((mode, "last pixel", align_corners, "nan" if last.isnan() else "inf" if last.isinf() else "finite"))
    # a sample exactly on the last pixel with align_corners=False: 2 -> 6, output 4 lands on pixel 1, output 5 is clamped
    x = torch.rand((1, channels) + (2,) * rank, dtype=dtype)
    x[(0, 0) + (1,) * rank] = float("inf")
    y = F.interpolate(x, size=(6,) * rank, mode=mode)[(0, 0) + (5,) * (rank - 1)]  # other axes clamped
    found.add((mode, "lands on it", bool(y[4].isnan()), bool(y[5].isinf())))
print(repr(sorted(found)))
"""


def test_glossary_an_inf_in_a_pixel_copied_along_a_kept_axis_itself_comes_out_nan():
    # Review 58: the conventions' "Finite values" said an inf *beside* a copied pixel can turn the copy into nan,
    # as if an inf in the copied pixel itself stayed inf. Along an axis that keeps its size, and wherever a sample
    # lands exactly on an axis's last pixel (the last output with align_corners=True; 2 -> 6 pixels, output 4, with
    # False, where the clamped output 5 stays inf), the CPU's linear kernels add the pixel to itself with weight 0,
    # so the inf itself comes out nan: on every rank, dtype, layout, channel count (17: the vectorised channels-last
    # loops leave a tail), also where another axis shrinks, with AVX2 or AVX-512 code and torch's generic code alike.
    from helpers import run_python

    expected = sorted(
        [(mode, "last pixel", False, "inf") for mode in ("bilinear", "linear", "trilinear")]
        + [(mode, "last pixel", True, "nan") for mode in ("bilinear", "linear", "trilinear")]
        + [(mode, "lands on it", True, True) for mode in ("bilinear", "linear", "trilinear")]
        + [("bilinear", "halved", True, False), ("bilinear", "kept", True, False), ("linear", "kept", True, False)]
        + [("trilinear", "halved", True, False), ("trilinear", "kept", True, False)]
    )
    for cap in ("avx2", "default"):
        assert eval(run_python(KEPT_AXIS_INF, ATEN_CPU_CAPABILITY=cap)) == expected, cap
    row = F.interpolate(torch.tensor([[[1.0, float("inf"), 2.0]]]), size=3, mode="linear").flatten()
    assert row[::2].tolist() == [1.0, 2.0] and row[1].isnan()
    # Review 60: "the CPU's linear kernels" read for the antialiased one too, which copies a kept axis
    image = torch.arange(25.0).view(1, 1, 5, 5)
    image[..., 2, 2] = float("inf")
    for size in ((5, 5), (5, 10), (10, 5), (5, 7)):
        plain = F.interpolate(image, size=size, mode="bilinear")
        smooth = F.interpolate(image, size=size, mode="bilinear", antialias=True)
        assert plain.isnan().any() and not smooth.isnan().any(), size
    assert torch.equal(F.interpolate(image, size=(5, 5), mode="bilinear", antialias=True), image)
    # Review 62: "the row 1, 2, inf enlarged with align_corners=True ends on nan" read for every size; in float32
    # the last sample falls a rounding step short of the inf at some sizes, and the row ends on inf there
    ends = {}
    for out in range(4, 240):
        last = F.interpolate(torch.tensor([[[1.0, 2.0, math.inf]]]), size=out, mode="linear", align_corners=True)
        ends.setdefault("nan" if last[0, 0, -1].isnan() else last[0, 0, -1].item(), []).append(out)
    assert 7 in ends["nan"] and ends[math.inf][:3] == [42, 48, 56] and set(ends) == {"nan", math.inf}
    # Review 66: "42, 48 or 56 pixels" read as the only such sizes; they are the first three of many (62, 83, ...)
    assert len(ends[math.inf]) > 20
    row = F.interpolate(torch.tensor([[[1.0, float("inf")]]]), size=6, mode="linear")[0, 0]
    assert row[4].isnan() and row[5].isinf()
    # Review 60: the last output of align_corners=True lands on the last pixel only up to rounding; a step short, the
    # kernel reads the inf with a weight next to 1 and the one before it, and the inf stays
    ends = {}
    for dtype, n, out in itertools.product((torch.float32, torch.float64), range(2, 30), range(2, 60)):
        x = torch.arange(1, n + 1, dtype=dtype).view(1, 1, n)
        x[..., -1] = float("inf")
        last = F.interpolate(x, size=out, mode="linear", align_corners=True)[0, 0, -1]
        ends.setdefault("nan" if last.isnan() else "inf" if last.isposinf() else "other", set()).add((dtype, n, out))
    assert set(ends) == {"nan", "inf"} and len(ends["inf"]) < len(ends["nan"]) / 10
    assert (torch.float32, 2, 42) in ends["inf"] and (torch.float64, 2, 42) in ends["nan"]
    for name, texts in (
        (
            "glossary.md",
            (
                "comes back as 1, nan, 2 (on CUDA,\n      unchanged); the row 1, 2, inf\n      enlarged to 7 pixels with `align_corners=True` ends on `nan`",
                "in float32, enlarged to 42, 48 or\n      56 pixels, the first of many such sizes, it ends on `inf`",
                "gives `nan` at output 4",
                "`inf` at output 5",
                "42 pixels by `linear` ends on `inf`",
                "in the plain linear kernels (`antialias=True` never adds a pixel to itself: on the CPU it copies an axis that",
                "CUDA's antialiased kernel, which has no such case, reads neighbours there with weight 0",
                "and, on the CPU,\n      along an axis that keeps its size",
            ),
        ),
        (
            "glossary.zh.md",
            (
                "得到的是 1、nan、2（CUDA 上原样不变）；1、2、inf 这一行在 `align_corners=True` 下放大到 7 个像素，最后一个值是 `nan`",
                "float32 下放大到 42、48 或 56 个像素时（这只是最小的三个，更大的尺寸里还有很多），最后一个值是 `inf`",
                "下标为 4 的输出是 `nan`",
                "下标为 5 的输出仍是 `inf`",
                "放大到 42 个像素",
                "用的是不开抗混叠的线性内核（`antialias=True` 从不把像素加到它自己身上：在 CPU 上，它把尺寸不变的轴原样复制；CUDA",
                "或者在 CPU 上沿尺寸不变的轴",
            ),
        ),
    ):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert all(t in text for t in texts), name


def test_glossary_equal_is_false_on_nan_so_a_nan_kept_unchanged_is_said_as_the_same_bits():
    # A round trip that moves values only returns every NaN (payload and sign included) with its bits, yet
    # torch.equal calls the two tensors different: the glossary's "equal" cannot carry a claim about NaN.
    x = torch.randn(2, 3, 4, 6)
    x[0, 1, 2, 3] = math.nan
    x[1, 2, 0, 5] = -math.nan
    x[0, 0, 1, 1] = -0.0
    for dtype, bits in ((torch.float32, torch.int32), (torch.float64, torch.int64), (torch.bfloat16, torch.int16)):
        back = F.pixel_shuffle(F.pixel_unshuffle(x.to(dtype), 2), 2)
        assert not torch.equal(back, x.to(dtype))
        assert torch.equal(back.view(bits), x.to(dtype).view(bits))
    for page, phrases in (
        ("glossary.md", ("false wherever a NaN", "“the same bits”")),
        ("glossary.zh.md", ("只要有 NaN 它就返回 False", "位模式不变")),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert all(phrase in text for phrase in phrases), page


def test_glossary_antialias_align_corners_true_grid_misses_both_conventions_only_where_the_axis_changes_size():
    # Review 59: the align_corners row said the antialiased grid "lines up neither the corners nor the edges"
    # with True, for every axis. Along an axis that keeps its size the step (in - 1)/(out - 1) is 1 and the
    # centres (d + 0.5) - 0.5 = d are both grids (the CPU copies that axis). Compared on a ramp with the plain
    # call of each convention: the same where the axis keeps its size (or has one pixel), different wherever it
    # changes, except to one output pixel in bilinear, which the row names.
    for mode, dtype in itertools.product(("bilinear", "bicubic"), (torch.float32, torch.float64)):
        for n, out in itertools.product(range(1, 13), range(1, 25)):
            ramp = torch.arange(n, dtype=dtype).view(1, 1, 1, n)
            smooth = F.interpolate(ramp, size=(1, out), mode=mode, antialias=True, align_corners=True)
            plain = [F.interpolate(ramp, size=(1, out), mode=mode, align_corners=align) for align in (True, False)]
            matches = [torch.allclose(smooth, p, rtol=0, atol=1e-5) for p in plain]
            if n == out or n == 1:
                assert all(matches), (mode, dtype, n, out)
            elif out == 1 and mode == "bilinear":
                assert matches == [True, False], (dtype, n)
            else:
                assert not any(matches), (mode, dtype, n, out)
    for name, text in (
        ("glossary.md", "along an axis that changes size its grid"),
        ("glossary.zh.md", "在尺寸有变化的轴上"),
    ):
        assert text in (ROOT / "docs" / name).read_text(encoding="utf-8"), name


def test_convention_finite_values_lanczos_multiplies_the_ends_of_its_window_by_zero_too():
    # Review 59: the conventions' "Finite values" named only the linear and cubic kernels as multiplying unused
    # neighbours by 0. lanczos does too, at the ends of its window (sinc(3) = 0): an inf there turns the output
    # into nan although its weight is 0. Weights read off identity rows; an inf at each pixel in turn shows which
    # pixels each output touches; every zero-weight one is an end of that output's window.
    from _settings import lanczos_works

    if not lanczos_works("cpu"):
        pytest.skip("this torch has no lanczos")
    found = set()
    for dtype, n, out in itertools.product((torch.float32, torch.float64), range(2, 25), range(1, 25)):
        weights = F.interpolate(
            torch.eye(n, dtype=dtype).view(n, 1, 1, n), size=(1, out), mode="lanczos", antialias=True
        )
        spikes = torch.where(torch.eye(n, dtype=torch.bool), float("inf"), 1.0).to(dtype).view(n, 1, 1, n)
        touched = ~F.interpolate(spikes, size=(1, out), mode="lanczos", antialias=True).isfinite()
        weights, touched = weights[:, 0, 0].T, touched[:, 0, 0].T  # output x input pixel
        for o, j in (touched & (weights == 0)).nonzero().tolist():
            window = touched[o].nonzero().flatten().tolist()
            assert j in (window[0], window[-1]), (dtype, n, out, o, j)
            found.add((n, out))
    assert (12, 4) in found
    for name, text in (
        ("glossary.md", "`lanczos` the ends\n      of its window (12 → 4 pixels)"),
        ("glossary.zh.md", "`lanczos` 会读取窗口两端（12 → 4 个像素）"),
    ):
        assert text in (ROOT / "docs" / name).read_text(encoding="utf-8"), name


def test_glossary_cpu_plain_bicubic_turns_an_inf_border_pixel_itself_into_nan_at_every_size():
    """Round 59: the finite-values convention named only the linear kernels for an inf in the copied pixel itself.
    The CPU's plain bicubic on float input clamps its taps onto the border pixel at the ends of an axis, so an inf
    there gives nan at every output with two or more taps on it (a zero and a non-zero weight, or weights of both
    signs), at every size. Review 60: the page said "also where its taps are clamped", as if an inf inside the image
    came out nan too; it stays inf there at its own size, and the row 1, 2, inf, 4, 5 is nan at output 0 as well
    (its taps 0, 0, 1, 2 reach the inf with weight 0), not "at outputs 1 to 3"."""

    def taps(o, n, out, align_corners):  # the kernel's four clamped taps of output o (positions in float64)
        if align_corners:
            position = o * (n - 1) / (out - 1) if out > 1 else 0.0
        else:
            position = (o + 0.5) * n / out - 0.5
        return [min(max(math.floor(position) + t, 0), n - 1) for t in (-1, 0, 1, 2)], position

    # ... except, rarely, where a whole-pixel position comes out a rounding step off and the clamped weights share a sign
    misses = set()
    for dtype, n, out, align_corners, height in itertools.product(
        (torch.float32, torch.float64), range(2, 10), range(1, 30), (False, True), (1, 4)
    ):
        for j in (0, n - 1):
            x = torch.arange(1, height * n + 1, dtype=dtype).view(1, 1, height, n)
            x[..., 1 % height, j] = math.inf
            y = F.interpolate(x, size=(height, out), mode="bicubic", align_corners=align_corners)[0, 0, 1 % height]
            for o in range(out):
                clamped, position = taps(o, n, out, align_corners)
                if clamped.count(j) >= 2 and not y[o].isnan():
                    assert position.is_integer() and height > 1, (dtype, n, out, align_corners, height, j, o)
                    misses.add((dtype, n, out, align_corners, o))
    assert (torch.float32, 8, 14, True, 13) in misses and len(misses) < 10
    for row in range(4):  # in the top or bottom row, the height axis clamps its taps onto the inf too
        x = torch.rand(1, 1, 4, 8, generator=torch.Generator().manual_seed(row)) + 1
        x[..., row, 7] = math.inf
        y = F.interpolate(x, size=(4, 14), mode="bicubic", align_corners=True)[0, 0, row, -1]
        assert y.isnan() if row in (0, 3) else y.isposinf(), row
    # at its own size: nan exactly on the border, inside the inf stays inf
    for dtype, h, w, align_corners in itertools.product(
        (torch.float32, torch.float64), range(1, 8), range(1, 8), (False, True)
    ):
        for i, j in itertools.product(range(h), range(w)):
            x = torch.rand(1, 1, h, w, dtype=dtype, generator=torch.Generator().manual_seed(h * w)) + 1
            x[0, 0, i, j] = math.inf
            y = F.interpolate(x, size=(h, w), mode="bicubic", align_corners=align_corners)[0, 0, i, j]
            assert bool(y.isnan()) == (i in (0, h - 1) or j in (0, w - 1)), (dtype, h, w, i, j, align_corners)
            if not y.isnan():
                assert y.isposinf()
    middle = torch.arange(25.0).view(1, 1, 5, 5)
    middle[..., 2, 2] = math.inf
    y = F.interpolate(middle, size=(5, 5), mode="bicubic")[0, 0]
    around = torch.zeros(5, 5, dtype=torch.bool)
    around[:4, :4] = True
    around[2, 2] = False
    assert y[2, 2].isposinf() and torch.equal(y.isnan(), around)
    for row, nan_at in (([1, 2, math.inf, 4, 5], [0, 1, 2, 3]), ([math.inf, 2, 3, 4, 5], [0, 1])):
        x = torch.tensor(row).view(1, 1, 1, 5)
        assert (
            torch.nonzero(F.interpolate(x, size=(1, 5), mode="bicubic").flatten().isnan()).flatten().tolist() == nan_at
        )
        assert torch.equal(F.interpolate(x, size=(1, 5), mode="bicubic", antialias=True), x)
    # the same size by a scale factor: bicubic has no shortcut, the samples are off the pixels
    x = torch.tensor([1, 2, math.inf, 4, 5]).view(1, 1, 1, 5)
    y = F.interpolate(x, scale_factor=(1, 1.05), mode="bicubic").flatten()
    assert y.shape == (5,) and torch.nonzero(y.isnan()).flatten().tolist() == [1, 2, 3, 4] and y[0] != 1
    for name, texts in (
        (
            "glossary.md",
            (
                "by `size=` gives `nan` at outputs 0 to 3, the row inf, 2, 3, 4, 5 at\n      outputs 0 and 1",
                "5×5 image",
                "8 → 14",
            ),
        ),
        (
            "glossary.zh.md",
            (
                "用 `size=` 缩放到原来的尺寸，下标 0 到 3 的输出是 `nan`；inf、2、3、4、5 这一行则是下标 0 和 1 的输出",
                "下标 1 到 4 的 `nan`",
                "5×5 图像正中的 `inf`",
                "把 8 列放大到 14 列，`inf` 不在首行或末行时",
            ),
        ),
    ):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert all(t in text for t in texts) and "outputs 1 to 3" not in text and "下标 1 到 3 的输出" not in text, name


def test_glossary_a_row_with_an_inf_enlarged_by_bilinear_keeps_its_height_and_is_nan_throughout():
    # Review 61: "the row 1, inf enlarged to 6 pixels gives nan at output 4 but inf at output 5 (bilinear and
    # trilinear alike)". A row in bilinear is 1×2 (in trilinear 1×1×2): its kept height axis adds each pixel to itself
    # with weight 0, so every output is nan. linear's outputs 4 (nan) and 5 (inf) come back on the last row
    # of a 2×2 (2×2×2) input enlarged to 6 a side, its other axes landing past the inf's row and clamped onto it.
    for rank, mode in ((2, "bilinear"), (3, "trilinear")):
        row = torch.tensor([1.0, math.inf]).view((1, 1) + (1,) * (rank - 1) + (2,))
        assert F.interpolate(row, size=(1,) * (rank - 1) + (6,), mode=mode).isnan().all(), mode
        for dtype, seed in itertools.product((torch.float32, torch.float64), range(3)):
            x = torch.rand((1, 1) + (2,) * rank, dtype=dtype, generator=torch.Generator().manual_seed(seed))
            x[(0, 0) + (1,) * rank] = math.inf
            y = F.interpolate(x, size=(6,) * rank, mode=mode)[(0, 0) + (5,) * (rank - 1)]
            assert y[4].isnan() and y[5].isposinf(), (mode, dtype, seed)
    for name, text in (
        ("glossary.md", "a 1×2 row keeps its\n      height, so there every output is `nan`"),
        ("glossary.zh.md", "若是 1×2 的一行，高度不变，所有输出都是 `nan`"),
    ):
        assert text in (ROOT / "docs" / name).read_text(encoding="utf-8"), name


CUDA_KEPT = (
    "(given `size=`: a\n      `scale_factor` such as 1.05 moves",
    "CUDA's kernels copy a tensor none",
    "on CUDA and are `nan` on\n      the CPU, while the row above, which reads it with weight 0, turns `nan` on CUDA only",
    "(on CUDA,\n      unchanged)",
    "in `bilinear` the next pixel, in `bicubic` the one before and the next two)",
)
CUDA_KEPT_ZH = (
    "CUDA 在这条轴上的采样点会偏离像素",
    "CUDA 内核在各边尺寸都不变时直接复制输入",
    "在 CUDA 上仍是 `inf`，在 CPU 上是 `nan`；而上面一行以权重 0 读到它，只在 CUDA 上变成 `nan`",
    "（CUDA 上原样不变）",
    "`bilinear` 读后一个像素，`bicubic` 读前一个和后两个）",
)


def _kept_axis_image(rank, row, device="cpu", dtype=torch.float32, channels_last=False, read_row=None):
    """A 5-a-side image with an inf on the middle of its last axis in row ``row`` of the others, brought to 10 wide;
    the four outputs of ``read_row`` (``row`` unless given) whose width samples read the inf."""
    x = torch.arange(5.0**rank, dtype=dtype).view((1, 1) + (5,) * rank).repeat(1, 3, *(1,) * rank)
    x[(slice(None), slice(None)) + (row,) * (rank - 1) + (2,)] = math.inf
    if channels_last:
        x = x.contiguous(memory_format=torch.channels_last if rank == 2 else torch.channels_last_3d)
    mode = "bilinear" if rank == 2 else "trilinear"
    y = F.interpolate(x.to(device), size=(5,) * (rank - 1) + (10,), mode=mode)
    read_row = row if read_row is None else read_row
    return y[(slice(None), slice(None)) + (read_row,) * (rank - 1) + (slice(3, 7),)].cpu()


def test_glossary_cpu_kept_axis_turns_the_outputs_that_read_an_inf_into_nan_in_every_row():
    # Review 64: the CPU half of the 5×5 -> 5×10 example: a kept axis adds every pixel to itself with weight 0, so the
    # four outputs that read the inf are nan in the middle row as in the last, in bilinear and trilinear alike.
    for rank, row, dtype, cl in itertools.product((2, 3), (2, 4), (torch.float32, torch.float64), (False, True)):
        assert _kept_axis_image(rank, row, dtype=dtype, channels_last=cl).isnan().all(), (rank, row, dtype, cl)
        # Review 65: the row above reads only itself on the CPU (CUDA reads the inf there with weight 0)
        assert _kept_axis_image(rank, row, dtype=dtype, channels_last=cl, read_row=row - 1).isfinite().all()
    for name, texts in (("glossary.md", CUDA_KEPT), ("glossary.zh.md", CUDA_KEPT_ZH)):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert all(t in text for t in texts) and "CPU's plain linear" not in text, name


@pytest.mark.skipif(not torch.cuda.is_available(), reason="the CUDA kernels need a GPU")
def test_glossary_cuda_linear_kernels_add_only_a_last_pixel_to_itself():
    # Review 64: "in the CPU's plain linear kernels" left CUDA out, yet UpSampleLinear1d.cu, UpSampleBilinear2d.cu and
    # UpSampleTrilinear3d.cu set the neighbour offset to 0 on an axis's last pixel (w1p = 0) and still weigh it, so a
    # sample landing exactly there turns an inf into nan on CUDA too. They copy a tensor none of whose sides change
    # size, though, and along a kept axis read the next pixel with weight 0: there an inf off the last row stays inf.
    for (mode, rank), dtype in itertools.product(
        (("linear", 1), ("bilinear", 2), ("trilinear", 3)), (torch.float16, torch.float32, torch.float64)
    ):
        # not float64 at output 4: nvcc may fuse (d + 0.5) * scale - 0.5 into one rounding, which gives
        # 0.9999999999999999 there; float32 and float16 (computed in float32) land on 1 either way
        if dtype != torch.float64:
            x = torch.rand((1, 2) + (2,) * rank, dtype=dtype, generator=torch.Generator().manual_seed(0))
            x[(slice(None), slice(None)) + (1,) * rank] = math.inf
            y = F.interpolate(x.cuda(), size=(6,) * rank, mode=mode).cpu()[(0, 0) + (5,) * (rank - 1)]
            assert y[4].isnan() and y[5].isposinf(), (mode, dtype)
        x = torch.arange(5.0**rank, dtype=dtype).view((1, 1) + (5,) * rank)
        x[(0, 0) + (2,) * rank] = math.inf
        assert torch.equal(F.interpolate(x.cuda(), size=(5,) * rank, mode=mode).cpu(), x), (mode, dtype)
    row = F.interpolate(torch.tensor([[[1.0, math.inf, 2.0]]], device="cuda"), size=3, mode="linear")
    assert row.flatten().tolist() == [1.0, math.inf, 2.0]
    ends = {}
    for out in range(4, 60):
        x = torch.tensor([[[1.0, 2.0, math.inf]]], device="cuda")
        last = F.interpolate(x, size=out, mode="linear", align_corners=True)[0, 0, -1].item()
        ends.setdefault("nan" if math.isnan(last) else last, []).append(out)
    assert 7 in ends["nan"] and ends[math.inf] == [42, 48, 56] and set(ends) == {"nan", math.inf}
    for rank, dtype, cl in itertools.product((2, 3), (torch.float32, torch.float64), (False, True)):
        assert _kept_axis_image(rank, 2, "cuda", dtype, cl).isposinf().all(), (rank, dtype, cl)
        assert _kept_axis_image(rank, 2, "cuda", dtype, cl, read_row=1).isnan().all(), (rank, dtype, cl)
        assert _kept_axis_image(rank, 4, "cuda", dtype, cl).isnan().all(), (rank, dtype, cl)
    # Review 65: the antialiased kernel (upsample_gen2d_aa_out_frame) has no copy case: along a kept axis it weighs
    # the pixel 1 and the next 0, so the row above an inf turns nan on CUDA, while the CPU copies that axis
    image = torch.arange(25.0).view(1, 1, 5, 5)
    image[..., 2, 2] = math.inf
    for mode in ("bilinear", "bicubic"):
        cuda = F.interpolate(image.cuda(), size=(5, 10), mode=mode, antialias=True).cpu()[0, 0]
        cpu = F.interpolate(image, size=(5, 10), mode=mode, antialias=True)[0, 0]
        assert cuda[1].isnan().any() and cpu[1].isfinite().all() and not cuda[2].isnan().any(), mode
        # Review 66: "reads the neighbours" held for bicubic only; _compute_weights_span gives row r the rows r, r + 1 in
        # bilinear and r - 1 to r + 2 in bicubic, so an inf in row 2 turns rows 0, 1 and 3 nan there, only row 1 here
        assert cuda.isnan().any(dim=1).nonzero().flatten().tolist() == {"bilinear": [1], "bicubic": [0, 1, 3]}[mode]
    # given a scale_factor, CUDA steps a kept axis by 1/1.05 (the CPU copies it): row 2 reads rows 1 and 2
    ramp = torch.arange(5.0).view(1, 1, 5, 1).expand(1, 1, 5, 5)
    rows = F.interpolate(ramp.cuda(), scale_factor=(1.05, 2), mode="bilinear")[0, 0, :, 0].cpu()
    assert rows[2].item() == pytest.approx(2.5 / 1.05 - 0.5) and not torch.equal(rows, torch.arange(5.0))
    assert torch.equal(F.interpolate(ramp, scale_factor=(1.05, 2), mode="bilinear")[0, 0, :, 0], torch.arange(5.0))


def test_convention_quantized_tensors_run_their_own_nearest_which_copies_a_kept_size():
    # The convention that leaves quantized tensors out: the CPU nearest returns a 65x65 image quantized per tensor
    # given scale_factor=1.005 unchanged in every such dtype and layout, while a contiguous float32 image steps by
    # 1/1.005 and reads pixel 63 at output 64; and torch warns that creating them is deprecated (#184982).
    x = torch.rand(2, 3, 65, 65, generator=torch.Generator().manual_seed(0))
    y = F.interpolate(x, scale_factor=1.005, mode="nearest")
    assert y.shape == x.shape and torch.equal(y[..., 64, 64], x[..., 63, 63])
    assert not torch.equal(y[..., 64, 64], x[..., 64, 64])
    for dtype in (torch.quint8, torch.qint8, torch.qint32):
        for layout in (torch.contiguous_format, torch.channels_last):
            q = torch.quantize_per_tensor(x, 1 / 255, 0, dtype).contiguous(memory_format=layout)
            assert torch.equal(F.interpolate(q, scale_factor=1.005, mode="nearest").int_repr(), q.int_repr())
    # Review 80: "their nearest returns it unchanged" was too wide: per-channel and 4-bit quantized images refuse it
    per_channel = torch.quantize_per_channel(
        x, torch.full((3,), 1 / 255), torch.zeros(3, dtype=torch.long), 1, torch.quint8
    )
    for q in (per_channel, torch.quantize_per_tensor(x, 1 / 15, 0, torch.quint4x2)):
        with pytest.raises(RuntimeError):
            F.interpolate(q, scale_factor=1.005, mode="nearest")
    # torch warns once per process (TORCH_WARN_ONCE), so a fresh process shows the deprecation
    warned = subprocess.run(
        [sys.executable, "-c", "import torch; torch.quantize_per_tensor(torch.ones(1), 1.0, 0, torch.quint8)"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    assert "deprecated" in warned and "pytorch/pytorch/issues/184982" in warned, warned
    for name, text in (
        ("glossary.md", "where a\n  contiguous float32 image reads pixel 63 at output 64"),
        ("glossary.md", "`nearest` returns a 65×65 `quint8` image quantized per tensor, given `scale_factor=1.005`"),
        ("glossary.zh.md", "而内存连续的 float32 图像在输出 64 处读的是像素 63"),
        ("glossary.zh.md", "在 CPU 上，按张量量化成 `quint8` 的 65×65 图像以 `scale_factor=1.005`"),
    ):
        assert text in (ROOT / "docs" / name).read_text(encoding="utf-8"), name


def test_convention_a_channels_last_input_is_dense_in_that_order_a_slice_can_keep_the_strides_undense():
    # Review r87-7: the pages' "channels_last input with more than 3 channels" (the CPU's channels-last nearest
    # kernel) fails for a slice of a channels_last tensor, which keeps the strides but not the density and takes the
    # generic kernel; the convention defines the term as dense in that order. 4-D at x1.1 and x2.05, and 5-D.
    wide = torch.arange(5.0).view(1, 1, 5, 1).expand(1, 4, 5, 240).contiguous(memory_format=torch.channels_last)
    sliced = wide[..., :120]
    dense = sliced.contiguous(memory_format=torch.channels_last)
    assert not sliced.is_contiguous(memory_format=torch.channels_last) and sliced.stride()[1] == 1
    assert F.interpolate(sliced, scale_factor=1.1, mode="nearest")[0, 0, :, 0].tolist() == [0, 0, 1, 2, 3]
    assert F.interpolate(dense, scale_factor=1.1, mode="nearest")[0, 0, :, 0].tolist() == [0, 1, 2, 3, 4]
    # Review r101-9: the page said "the dense copy", but the dense contiguous copy reads what the slice reads
    assert F.interpolate(sliced.contiguous(), scale_factor=1.1, mode="nearest")[0, 0, :, 0].tolist() == [0, 0, 1, 2, 3]
    rows = torch.arange(10.0).view(1, 1, 10, 1).expand(1, 4, 10, 240).contiguous(memory_format=torch.channels_last)
    rows = rows[..., :120]  # out H + out W > 128, so only the channels-last kernel doubles the rows at x2.05
    for image, expected in ((rows, [0, 0, 0, 1]), (rows.contiguous(memory_format=torch.channels_last), [0, 0, 1, 1])):
        assert F.interpolate(image, scale_factor=2.05, mode="nearest")[0, 0, :4, 0].tolist() == expected
    volume = torch.arange(2.0).view(1, 1, 2, 1, 1).expand(1, 4, 2, 3, 8)
    volume = volume.contiguous(memory_format=torch.channels_last_3d)[..., :4]
    assert not volume.is_contiguous(memory_format=torch.channels_last_3d)
    assert F.interpolate(volume, scale_factor=1.3, mode="nearest")[0, 0, :, 0, 0].tolist() == [0, 0]
    dense_volume = volume.contiguous(memory_format=torch.channels_last_3d)
    assert F.interpolate(dense_volume, scale_factor=1.3, mode="nearest")[0, 0, :, 0, 0].tolist() == [0, 1]
    # Review r88-1: "as .to(memory_format=...) makes it" failed on this very slice, which .to returns as it is (its
    # strides already suggest channels_last); and "a slice of one takes the generic kernels" failed on slices that
    # stay dense (a batch, or rows of a batch of 1), which read rows 0..4 like the dense copy
    assert not sliced.to(memory_format=torch.channels_last).is_contiguous(memory_format=torch.channels_last)
    assert not volume.to(memory_format=torch.channels_last_3d).is_contiguous(memory_format=torch.channels_last_3d)
    batch = torch.arange(5.0).view(1, 1, 5, 1).expand(2, 4, 5, 120).contiguous(memory_format=torch.channels_last)
    tall = torch.arange(10.0).view(1, 1, 10, 1).expand(1, 4, 10, 120).contiguous(memory_format=torch.channels_last)
    for image in (batch[:1], tall[:, :, :5]):
        assert image.is_contiguous(memory_format=torch.channels_last)
        assert F.interpolate(image, scale_factor=1.1, mode="nearest")[0, 0, :, 0].tolist() == [0, 1, 2, 3, 4]
    for name, text in (
        ("glossary.md", "as `.contiguous(memory_format=...)` makes it. A slice of one can keep its"),
        ("glossary.md", "with `nearest` on the\n  CPU, where its dense `channels_last` copy reads 0, 1, 2, 3, 4"),
        ("glossary.zh.md", "也就是 `.contiguous(memory_format=...)` 得到的张量。从这样的张量切出来的一片可能保留"),
        ("glossary.zh.md", "读的行是 0, 0, 1, 2, 3，而它按 `channels_last` 顺序连续存放的副本读的是 0, 1, 2, 3, 4"),
    ):
        assert text in (ROOT / "docs" / name).read_text(encoding="utf-8"), name


def glossary_rows(name):
    lines = (ROOT / "docs" / name).read_text(encoding="utf-8").splitlines()
    rows = [[cell.strip() for cell in line.strip().strip("|").split(" | ")] for line in lines if line.startswith("| ")]
    return [row for row in rows[1:] if not row[0].startswith("---")]


def test_every_chinese_word_of_a_zh_row_is_in_the_en_row():
    # Review r101-9: the zh table listed 抽头 (tap) and 子像素卷积 (sub-pixel convolution) as words readers search
    # for, which the en table's "also said in Chinese" column left out
    english = {row[0]: {row[1], *filter(None, row[2].split("、"))} for row in glossary_rows("glossary.md")}
    chinese = {
        row[3]: {row[0], *filter(None, (row[1] + "、" + row[2]).split("、"))} for row in glossary_rows("glossary.zh.md")
    }
    assert english.keys() == chinese.keys()
    # the en table writes dilation's term with its English gloss, 膨胀（dilation）
    missing = {term: words - english[term] for term, words in chinese.items() if words - english[term] - {"膨胀"}}
    assert not missing, missing


def test_convention_section_of_the_zh_glossary_writes_the_glossary_terms(monkeypatch):
    # Review r90-1: tests/site/test_terminology.py checks every zh page but the glossary itself, so the quantized
    # bullet's "走自己的 kernel" slipped through, though the glossary's own rule writes the compute kernel 内核
    spec = importlib.util.spec_from_file_location("terminology", ROOT / "tests" / "site" / "test_terminology.py")
    terminology = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, terminology)  # its dataclass looks its module up there
    spec.loader.exec_module(terminology)
    glossary = (ROOT / "docs" / "glossary.zh.md").read_text(encoding="utf-8")
    assert terminology.violations(glossary[glossary.index("## 约定") :], glossary) == []


def test_glossary_int64_average_pooling_divides_a_sum_that_wraps_around():
    # Review r93-1: "on int64 input ... either quotient rounded toward zero" held only while the window's int64 sum
    # fits: four values of 2**62 pool to 0, and 2**62, 2**62, 0, 0 to -2**61, where the mean is +2**61
    wrap = 2**64
    for rank, (values, divisor) in itertools.product((1, 2, 3), (([2**62] * 4, None), ([2**62] * 2 + [0, 0], 3))):
        x = torch.tensor(values).view((1, 1) + (1,) * (rank - 1) + (4,))
        pool = (F.avg_pool1d, F.avg_pool2d, F.avg_pool3d)[rank - 1]
        kwargs = {} if divisor is None or rank == 1 else {"divisor_override": divisor}
        got = pool(x, (1,) * (rank - 1) + (4,), **kwargs).item()
        total = (sum(values) + wrap // 2) % wrap - wrap // 2  # the int64 sum, wrapped
        d = kwargs.get("divisor_override", 4)
        assert got == (1 if total >= 0 else -1) * (abs(total) // d)  # rounded toward zero
        assert got != sum(values) // d  # the true sum is positive here, so its floor is its truncation
    for name, text in (("glossary.md", "of a sum that wraps around on overflow"), ("glossary.zh.md", "和溢出时会回绕")):
        assert text in (ROOT / "docs" / name).read_text(encoding="utf-8")


def test_convention_empty_tensors_pixel_unshuffle_returns_the_named_empty_batch_unchanged_not_every_one():
    """Review r115-9: the convention said that on the CPU PixelUnshuffle returns a tensor with a batch of 0 or a
    side of 0 unchanged; it checks the sides first, so such a tensor whose other side r does not divide raises, as
    a tensor with elements would. The named case comes back with its shape, where the reshape gives 4 channels."""
    empty = torch.empty(0, 1, 4, 4)
    assert torch.nn.PixelUnshuffle(2)(empty).shape == empty.shape
    for shape in ((0, 1, 3, 4), (2, 1, 0, 3)):
        with pytest.raises(RuntimeError, match="divisible"):
            torch.nn.PixelUnshuffle(2)(torch.empty(shape))
    en = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "glossary.zh.md").read_text(encoding="utf-8")
    assert "returns such a tensor unchanged" not in en and "会把这样的张量原样返回" not in zh
    assert "`PixelUnshuffle(2)` returns a batch of 0 images of 1×4×4 unchanged" in en
    assert "`PixelUnshuffle(2)` 会把批大小为 0、每张 1×4×4 的张量原样返回" in zh


def test_convention_factors_are_python_floats_a_numpy_float32_or_a_fraction_is_another_number():
    # Rounds 115-117 found rules written for scale_factor=1/k that a NumPy float32 1/k or a Fraction breaks.
    row = torch.arange(14.0).view(1, 1, 14)
    assert F.interpolate(row, scale_factor=np.float32(1 / 7)).flatten().tolist() == [0.0, 6.0]
    assert F.interpolate(row, scale_factor=1 / 7).flatten().tolist() == [0.0, 7.0]
    zeros = torch.zeros(1, 1, 88)
    assert F.interpolate(zeros, scale_factor=Fraction(120, 88), mode="area").shape[-1] == 120
    assert F.interpolate(zeros, scale_factor=120 / 88, mode="area").shape[-1] == 119
    # Review r118-9: the clause on recompute_scale_factor=True, and on area given a NumPy float32, had no test.
    # 3 x np.float32(5/3) is 5 in float32 and 4.9999998 in float64.
    for mode in ("nearest", "nearest-exact", "linear"):
        sizes = {
            factor: F.interpolate(zeros, scale_factor=factor, mode=mode, recompute_scale_factor=True).shape[-1]
            for factor in (Fraction(120, 88), 120 / 88)
        }
        assert sizes == {Fraction(120, 88): 120, 120 / 88: 119}
    three = torch.zeros(1, 1, 3)
    for n in range(1, 40):
        for k in range(1, 80):
            factor = np.float32(k / n)
            in_float32 = int(np.floor(np.float32(n) * factor))
            line = torch.zeros(1, 1, n)
            assert F.interpolate(line, scale_factor=factor, mode="area").shape[-1] == in_float32
            assert F.interpolate(line, scale_factor=factor, recompute_scale_factor=True).shape[-1] == in_float32
    assert int(np.floor(np.float32(3) * np.float32(5 / 3))) == 5 != int(np.floor(3 * float(np.float32(5 / 3))))
    assert F.interpolate(three, scale_factor=np.float32(5 / 3), mode="area").shape[-1] == 5
    # Review r119-9: nn.Upsample turns the factor into a Python float first, so its area and
    # recompute_scale_factor=True do not multiply a Fraction or a NumPy float32 as given.
    assert torch.nn.Upsample(scale_factor=Fraction(120, 88), mode="area")(zeros).shape[-1] == 119
    assert torch.nn.Upsample(scale_factor=Fraction(120, 88), recompute_scale_factor=True)(zeros).shape[-1] == 119
    assert torch.nn.Upsample(scale_factor=np.float32(5 / 3), mode="area")(three).shape[-1] == 4
    assert_pages_say(
        ("glossary.md", "And in `F.interpolate`, `area` and `recompute_scale_factor=True` multiply a NumPy float32"),
        ("glossary.zh.md", "而且在 `F.interpolate` 中，`area` 和 `recompute_scale_factor=True` 会把 NumPy 的 float32"),
        ("glossary.md", "`nearest` at `np.float32(1/7)` keeps pixels 0 and 6 of 14, where `1/7` keeps 0 and 7"),
        ("glossary.md", "`area` at `Fraction(120, 88)` gives 88 pixels 120, at `120/88` 119"),
        (
            "glossary.zh.md",
            "`nearest` 以 `np.float32(1/7)` 缩小 14 个像素，保留的是像素 0 和 6，而以 `1/7` 缩小保留的是像素 0 和 7",
        ),
        ("glossary.zh.md", "`area` 以 `Fraction(120, 88)` 缩放 88 个像素得到 120 个，以 `120/88` 缩放得到 119 个"),
    )


def test_conventions_overflow_example_is_the_half_and_half_block():
    # Review r130-9: the conventions' "Up to rounding includes overflow" example, 'a 4×4 block of 3e38
    # above −3e38 gives inf through avg_pool2d and 0 through area to 1×1', was bound by no test, and its
    # en wording reads as a 4×4 block of 3e38 stacked on one of −3e38 (8×4), which gives inf through area
    # too; the zh (and the downsample-module page) meant one 4×4 block, top half 3e38, bottom half −3e38.
    def block(height, width, channels=1, channels_last=False):
        x = torch.full((1, 1, height, width), 3e38)
        x[..., height // 2 :, :] = -3e38
        x = x.expand(1, channels, height, width).contiguous()
        return x.contiguous(memory_format=torch.channels_last) if channels_last else x

    x = block(4, 4)
    assert F.avg_pool2d(x, 4).isinf().all()
    assert F.interpolate(x, size=(1, 1), mode="area").flatten().tolist() == [0.0]
    # a channels_last copy of one channel is the contiguous tensor; from two channels on it overflows too
    assert F.interpolate(block(4, 4, 1, True), size=(1, 1), mode="area").flatten().tolist() == [0.0]
    for channels in (2, 3, 4, 8):
        assert F.interpolate(block(4, 4, channels, True), size=(1, 1), mode="area").isinf().all(), channels
    # the other reading: a 4×4 block of 3e38 above a 4×4 block of −3e38 overflows through area as well
    assert F.interpolate(block(8, 4), size=(1, 1), mode="area").isinf().all()
    # float64 holds these sums: no overflow in either
    assert F.avg_pool2d(x.double(), 4).item() == F.interpolate(x.double(), size=(1, 1), mode="area").item() == 0.0
    assert_pages_say(
        (
            "glossary.md",
            "a one-channel float32 4×4 block whose top half is 3e38 and bottom half −3e38 gives `inf` through "
            "`avg_pool2d` and 0 through `area` to 1×1",
        ),
        (
            "glossary.zh.md",
            "上半为 3e38、下半为 −3e38 的单通道 float32 4×4 块，经 `avg_pool2d` 得到 `inf`，经 `area` 缩到 1×1",
        ),
    )
    en = " ".join((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").split())
    assert "a 4×4 block of 3e38 above −3e38" not in en


def _convention_bullets(page: str) -> list[str]:
    """The top-level bullets of the Conventions section of docs/PAGE, each with its sub-bullets."""
    section = (ROOT / "docs" / page).read_text(encoding="utf-8").split("{ #conventions }", 1)[1]
    body = section.split("\n\n", 2)[2]  # after the intro paragraph
    return ["- **" + bullet for bullet in body.split("\n- **")[1:]] or [body]


def test_conventions_intro_says_the_bullets_show_the_cases_where_the_linked_page_shows_none():
    # Review r136-9: the intro said "the linked pages show the cases", but three bullets link no page but
    # interpolate-sizes.md (besides a torch issue), and neither that page nor the script it runs shows
    # their case: a NumPy float32 or Fraction factor, a quantized tensor, a channels_last slice that is not
    # dense. Those cases are in the bullets themselves.
    sizes = (ROOT / "docs" / "interpolate-sizes.md").read_text(encoding="utf-8")
    sizes += (ROOT / "examples" / "interpolate_sizes.py").read_text(encoding="utf-8")
    for absent in ("np.float32", "Fraction", "NumPy", "quint8", "qint8", "quantize_per", "is_contiguous(", "not dense"):
        assert absent not in sizes, absent
    for page, cases in (
        ("glossary.md", ("`np.float32(1/7)`", "`Fraction(120, 88)`", "`quint8`", "240-column")),
        ("glossary.zh.md", ("`np.float32(1/7)`", "`Fraction(120, 88)`", "`quint8`", "240 列宽")),
    ):
        bullets = _convention_bullets(page)
        assert len(bullets) == 10, page
        for case in cases:
            (bullet,) = [b for b in bullets if case in b]  # the case is shown in exactly one bullet
            pages = {link.split("#")[0] for link in re.findall(r"\]\(([^)]+)\)", bullet) if not link.startswith("http")}
            assert pages == {"interpolate-sizes.md"}, (page, case, pages)
        # every bullet shows a case (a number with a torch call or dtype in code) or links a page
        for bullet in bullets:
            assert re.search(r"\d", bullet) and "`" in bullet or re.search(r"\]\([\w-]+\.md", bullet), bullet[:60]
    assert_pages_say(
        (
            "glossary.md",
            "torch really behaves differently outside it: each bullet shows a case, or links a page that does.",
        ),
        ("glossary.zh.md", "超出范围时 torch 的行为确实不同，每一条都举了这样的例子，或者链接到举了例子的页面。"),
    )
    for page, old in (
        ("glossary.md", "the linked pages show the cases"),
        ("glossary.zh.md", "所链接的页面给出了具体情形"),
    ):
        assert old not in " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split()), page


@pytest.mark.parametrize("language", ["en", "zh"])
def test_links_to_the_support_page_name_it_by_its_nav_title(language):
    # Review r137-9: the zh glossary's closing paragraph linked the support page as 各模式的支持情况, a title the nav
    # does not use (the nav, and every other link on these pages, says 各模式支持哪些输入; the en says "which modes
    # work where" there too), so a reader could not find the page it named in the menu.
    spec = importlib.util.spec_from_file_location("index_tests", ROOT / "tests" / "examples" / "test_index.py")
    index_tests = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(index_tests)
    title = index_tests.nav_titles()[language]["interpolate-support.md"]
    suffix = ".md" if language == "en" else ".zh.md"
    labels = []
    for name in ("glossary", "upsample", "interpolate-explorer"):
        text = (ROOT / "docs" / (name + suffix)).read_text(encoding="utf-8")
        labels += re.findall(r"\[([^\]]+)\]\(interpolate-support\.md\)", text)
    assert len(labels) >= 3  # round 140 sent the others to the section that states their point
    assert [label for label in labels if label.casefold() != title.casefold()] == []


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_conventions_note_defines_every_term_the_glossarys_equal_bullet_defines(language):
    # Review r137-9: the note under every page said only "“equal” means `torch.equal`, which does not tell -0.0 from
    # +0.0", where the glossary's bullet defines "bit for bit" (逐位相同) the same way and says torch.equal is false
    # wherever a NaN is present; pages that say "not bit for bit" (the explorer) carry that note, so a reader took
    # "bit for bit" literally and "equal" as true of a NaN that comes back unchanged.
    import torch

    from sitegen.render import UI_TEXT

    glossary = ROOT / "docs" / ("glossary.md" if language == "en" else "glossary.zh.md")
    section = glossary.read_text(encoding="utf-8").split("{ #conventions }", 1)[1]
    [head] = [h for h in re.findall(r"^- \*\*(.+?)\*\*", section, flags=re.M) if "torch.equal" in h]
    terms = re.findall(r"“([^”]+)”", head)
    assert len(terms) == 2, terms
    note = UI_TEXT[language]["conventions"]
    assert [term for term in terms if f"“{term.casefold()}”" not in note.casefold()] == []
    nan = torch.tensor([float("nan")])
    assert not torch.equal(nan, nan) and torch.equal(torch.tensor([-0.0]), torch.tensor([0.0]))
    assert "NaN" in note and "−0.0" in note and "+0.0" in note


def test_the_output_renderer_docstring_names_line_breaks_and_the_one_attribute_it_can_make():
    """Review r138-9: sitegen/render.py's module docstring listed what printed Markdown can become ("emphasis, code
    spans, headings, lists, rules, code blocks and tables ... a fixed set of plain tags"), but a line ending in two
    spaces also becomes ``<br />``, and a table's alignment row gives its cells a ``style`` attribute. Every construct
    of the core and tables is rendered here; the tags are those the docstring names, and the only attribute is that
    alignment."""
    import sitegen.render as render

    printed = (
        "# H1\n\nH2\n--\n\n*em* **strong** `code`  \nafter a hard break\n\n- item\n\nbetween\n\n3. third\n\n---\n\n"
        "    indented code\n\n> quote\n\n| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n\n"
        "[link](javascript:alert(1)) ![img](x.png) <b onclick=x>raw</b> &amp; {: .cls } <https://x.org>\n"
    )
    body = render.markdown_output(printed)
    body = body.removeprefix('<div class="example-output">\n').removesuffix("\n</div>")
    tags = set(re.findall(r"<([a-z0-9]+)", body))
    assert tags == {"h1", "h2", "p", "em", "strong", "code", "br", "ul", "ol", "li", "hr", "pre"} | {
        "table", "thead", "tbody", "tr", "th", "td"
    }  # fmt: skip
    attributes = set(re.findall(r"<[a-z0-9]+ ([^>/]+?) ?/?>", body))
    assert attributes == {'style="text-align: left;"', 'style="text-align: center;"', 'style="text-align: right;"'}
    docstring = " ".join(render.__doc__.split())
    assert "a line that ends in two spaces still breaks (``<br />``)" in docstring
    assert 'the one attribute is a table column\'s alignment, ``style="text-align: left|center|right;"``' in docstring
    # and the function's own docstring, which lists the constructs again
    function_doc = " ".join(render.markdown_output.__doc__.split())
    assert "rules, code blocks, line breaks) as inert HTML" in function_doc


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_glossary_link_to_a_page_names_it_by_its_nav_title(language):
    # Review r139-9: the glossary's "see" links used short labels that read as page titles the nav does not use:
    # [coordinates] / [坐标] for "Coordinates and align_corners", [output sizes] for "Output size pitfalls",
    # [equivalences], [audio] / [音频], [ways to shrink] / [各种缩小方法], [pixel shuffle] / [像素重排],
    # [downsample module] / [Downsample 模块], [why no Downsample] / [为什么没有 Downsample]; the same table row
    # named the support page by its title and the coordinates page by a stub. Every link now names its target's title.
    spec = importlib.util.spec_from_file_location("index_tests", ROOT / "tests" / "examples" / "test_index.py")
    index_tests = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(index_tests)
    titles = index_tests.nav_titles()[language]
    text = (ROOT / "docs" / ("glossary.md" if language == "en" else "glossary.zh.md")).read_text(encoding="utf-8")
    links = re.findall(r"\[([^\]]+)\]\(([\w-]+\.md)(?:#[^)]*)?\)", text)
    assert len({target for _, target in links}) >= 9
    wrong = [(label, target) for label, target in links if label.casefold() != titles[target].casefold()]
    assert wrong == []


def test_the_render_docstring_names_every_value_each_embed_option_takes():
    # Review r139-9: sitegen/render.py's module docstring listed "Options after the cell name" as output=markdown,
    # code=folded and figures=switch only, while the parser also takes output=text, code=shown and figures=all
    # (the defaults): a list shorter than the values that exist. It now names the defaults, which parse to the
    # same embed as leaving the option out.
    import sitegen.render as render

    doc = render.__doc__
    for name, values in render.OPTIONS.items():
        for value in values:
            assert f"``{name}={value}``" in doc, (name, value)
        default = render.Directive.parse(f"::: example x.py#c {name}={values[0]}")
        assert default == render.Directive.parse("::: example x.py#c")
    assert sum(len(values) for values in render.OPTIONS.values()) == 6
