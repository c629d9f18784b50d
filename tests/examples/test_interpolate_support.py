"""The claims of docs/interpolate-support*.md, asserted by calling torch directly."""

import ast
import inspect
import itertools
import random
import re

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT, assert_pages_say, docs_section, docstring_of, printed_by, run_example, run_python

DOCUMENTED = ["nearest", "nearest-exact", "linear", "bilinear", "bicubic", "trilinear", "area"]


@pytest.fixture(scope="module")
def run():
    return run_example("interpolate_support.py"), printed_by("interpolate_support.py")


@pytest.fixture(scope="module")
def ns(run):
    return run[0]


def works_on(x, mode, **kwargs):
    try:
        F.interpolate(x, size=(4, 4), mode=mode, **kwargs)
        return True
    except (RuntimeError, NotImplementedError):
        return False


def works(mode, rank, device="cpu", **kwargs):
    x = torch.rand((1, 2) + (6,) * (rank - 2), device=device)
    try:
        F.interpolate(x, scale_factor=2, mode=mode, **kwargs)
        F.interpolate(x, scale_factor=0.5, mode=mode, **kwargs)
        return True
    except Exception:  # as in the example: any rejection counts, whatever its type
        return False


def test_every_documented_mode_and_lanczos_are_found(ns):
    assert ns["modes"][: len(DOCUMENTED)] == DOCUMENTED
    assert "lanczos" in ns["candidates"]  # named by torch's own error message
    assert works("lanczos", 4, antialias=True)  # and accepted, on the CPU
    assert "no-such-mode" not in ns["modes"]
    assert len(ns["results"]) == len(ns["candidates"]) * 3 * 3 * 2


def test_the_matrix_is_what_torch_does(ns):
    for (mode, rank, align, aa), result in ns["results"].items():
        assert works(mode, rank, ns["device"], align_corners=align, antialias=aa) == (result is None), (
            mode,
            rank,
            align,
            aa,
        )


@pytest.mark.parametrize(
    "mode,ranks",
    [
        ("nearest", {3, 4, 5}),
        ("nearest-exact", {3, 4, 5}),
        ("area", {3, 4, 5}),
        ("linear", {3}),
        ("bilinear", {4}),
        ("bicubic", {4}),
        ("trilinear", {5}),
    ],
)
def test_ranks_each_mode_accepts(mode, ranks):
    assert {r for r in (3, 4, 5) if works(mode, r)} == ranks


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "area"])
@pytest.mark.parametrize("align", [False, True])
def test_align_corners_even_false_is_rejected_by_non_interpolating_modes(mode, align):
    for rank in (3, 4, 5):
        with pytest.raises(ValueError, match="align_corners option can only be set"):
            F.interpolate(torch.rand((1, 1) + (4,) * (rank - 2)), scale_factor=2, mode=mode, align_corners=align)


def test_align_corners_none_means_false_for_interpolating_modes():
    for mode, rank in (("linear", 3), ("bilinear", 4), ("bicubic", 4), ("trilinear", 5)):
        x = torch.rand((1, 2) + (5,) * (rank - 2))
        for scale in (1.5, 0.7, 3.0):
            assert torch.equal(
                F.interpolate(x, scale_factor=scale, mode=mode),
                F.interpolate(x, scale_factor=scale, mode=mode, align_corners=False),
            )
            assert not torch.equal(
                F.interpolate(x, scale_factor=scale, mode=mode),
                F.interpolate(x, scale_factor=scale, mode=mode, align_corners=True),
            )


def test_antialias_only_bilinear_bicubic_lanczos_on_4d(ns):
    for mode in ns["candidates"]:
        for rank in (3, 4, 5):
            accepted = any(works(mode, rank, align_corners=a, antialias=True) for a in (None, False, True))
            assert accepted == (mode in ("bilinear", "bicubic", "lanczos") and rank == 4), (mode, rank)
    with pytest.raises(ValueError, match="Anti-alias"):
        F.interpolate(torch.rand(1, 1, 4, 4, 4), scale_factor=2, mode="trilinear", antialias=True)


@settings(max_examples=200, deadline=None)
@given(
    h=st.integers(1, 12),
    w=st.integers(1, 12),
    data=st.data(),
    by_size=st.booleans(),
    dtype=st.sampled_from([torch.float32, torch.float64]),
    memory=st.sampled_from(["contiguous", "channels_last"]),
)
def test_bilinear_antialias_enlarging_is_plain_bilinear_only_with_align_corners_false(
    h, w, data, by_size, dtype, memory
):
    x = torch.randn(1, 3, h, w, dtype=dtype, generator=torch.Generator().manual_seed(h * 100 + w)) - 0.5
    if memory == "channels_last":
        x = x.contiguous(memory_format=torch.channels_last)
    if by_size:
        kwargs = {"size": (data.draw(st.integers(h, 4 * h + 60)), data.draw(st.integers(w, 4 * w + 60)))}
    else:
        factor = data.draw(st.one_of(st.integers(1, 100).map(float), st.floats(1.0, 9.0)))
        if h * factor > 400 or w * factor > 400:
            return
        kwargs = {"scale_factor": factor}
    plain, aa = (F.interpolate(x, mode="bilinear", align_corners=False, antialias=a, **kwargs) for a in (False, True))
    if plain.shape[-1] == 1 and plain.shape[-2] != h and memory == "contiguous":
        return  # the width-1 CPU bug, tested on its own below
    rounding = (1e-6 if dtype == torch.float32 else 1e-13) * x.abs().max().item()
    error = (aa - plain).abs().max().item()
    assert error < rounding, (error, kwargs)


def test_antialias_enlarging_table(ns):
    table = ns["enlarge_diff"]
    assert table["bilinear", False] < 1e-13
    for key in (("bilinear", True), ("bicubic", False), ("bicubic", True)):
        assert table[key] > 0.1, key


def test_bilinear_antialias_enlarging_parts_from_plain_on_long_float64_axes_on_the_cpu():
    # The page: up to rounding on short axes only; plain bilinear floors positions with floorf.
    x = torch.rand(1, 1, 2, 3000, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    plain, aa = (F.interpolate(x, size=(3, 4501), mode="bilinear", antialias=a) for a in (False, True))
    assert 1e-5 < (plain - aa).abs().max().item() < 1e-3


def test_bilinear_antialias_enlarging_keeps_the_largest_float32_where_plain_overflows():
    x = torch.full((1, 1, 4, 4), torch.finfo(torch.float32).max)
    plain, aa = (F.interpolate(x, scale_factor=5, mode="bilinear", antialias=a) for a in (False, True))
    assert plain.isinf().any() and aa.isfinite().all()


def test_antialias_with_align_corners_true_loses_the_corner(ns):
    ramp = torch.arange(5.0, dtype=torch.float64).view(1, 1, 1, -1)
    aa = F.interpolate(ramp, size=(1, 9), mode="bilinear", align_corners=True, antialias=True)[0, 0, 0]
    plain = F.interpolate(ramp, size=(1, 9), mode="bilinear", align_corners=True)[0, 0, 0]
    assert plain[-1].item() == 4.0 and aa[-1].item() == 3.75 and ns["row"][-1].item() == 3.75
    # The antialiased kernel's positions: scale (in-1)/(out-1), centres at (d + 0.5) * scale,
    # for every enlargement of a ramp of 2..12 samples to 13..40.
    for n_in in range(2, 13):
        ramp = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, 1, -1)
        for n_out in range(13, 41):
            aa = F.interpolate(ramp, size=(1, n_out), mode="bilinear", align_corners=True, antialias=True)[0, 0, 0]
            d = torch.arange(float(n_out), dtype=torch.float64)
            scale = (n_in - 1) / (n_out - 1)
            torch.testing.assert_close(aa, ((d + 0.5) * scale - 0.5).clamp(0, n_in - 1), msg=f"{n_in} -> {n_out}")


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_width_one_output_repeats_the_first_row_on_contiguous_cpu_input(mode, dtype):
    for h, w, h_out in [(6, 5, 3), (2, 1, 3), (6, 1, 12), (9, 2, 4), (3, 3, 7)]:
        x = torch.randn(1, 2, h, w, dtype=dtype, generator=torch.Generator().manual_seed(h * w))
        right = F.interpolate(
            x.contiguous(memory_format=torch.channels_last), size=(h_out, 1), mode=mode, antialias=True
        )
        torch.testing.assert_close(
            right[0, 0, :, 0],
            pillow_weights(mode, h, h_out).to(dtype) @ (pillow_weights(mode, w, 1).to(dtype) @ x[0, 0].T)[0],
        )
        wrong = F.interpolate(x, size=(h_out, 1), mode=mode, antialias=True)
        assert (wrong == wrong[..., :1, :]).all() and not torch.allclose(wrong, right)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic", "lanczos"])
def test_width_one_output_is_wrong_exactly_where_both_heights_are_at_least_two(mode):
    # Cross-page review 35: the anchor section now says a single input or output row gives the right result
    generator = torch.Generator().manual_seed(0)
    for h, w, h_out in itertools.product(range(1, 6), (1, 2, 5), range(1, 6)):
        if h == h_out:
            continue
        x = torch.randn(1, 2, h, w, dtype=torch.float64, generator=generator)
        plain = F.interpolate(x, size=(h_out, 1), mode=mode, antialias=True)
        right = F.interpolate(
            x.contiguous(memory_format=torch.channels_last), size=(h_out, 1), mode=mode, antialias=True
        )
        assert torch.allclose(plain, right) == (h == 1 or h_out == 1), (h, w, h_out)


def test_width_one_output_repeats_the_first_row_with_lanczos_too():
    x = torch.randn(1, 2, 6, 5, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    wrong = F.interpolate(x, size=(3, 1), mode="lanczos", antialias=True)
    right = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(3, 1), mode="lanczos", antialias=True)
    two_calls = F.interpolate(
        F.interpolate(x, size=(3, 5), mode="lanczos", antialias=True), size=(3, 1), mode="lanczos", antialias=True
    )
    torch.testing.assert_close(right, two_calls)
    assert (wrong == wrong[..., :1, :]).all() and not torch.allclose(wrong, right)


def test_width_one_cell(ns):
    assert ns["tall"].device.type == "cpu"
    rows = {key: value.tolist() for key, value in ns["width_one"].items()}
    right = rows[3, torch.channels_last]
    assert len(set(right)) == 3
    # Contiguous input, and a single channel in either layout: every row equals the first.
    for key in ((3, torch.contiguous_format), (1, torch.contiguous_format), (1, torch.channels_last)):
        assert len(set(rows[key])) == 1 and rows[key][0] == right[0], key
    # The page's workaround: the height first, keeping the width, then the width.
    torch.testing.assert_close(ns["two_calls"][0, 0, :, 0].tolist(), right)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.uint8])
def test_width_one_bug_in_a_channels_last_view_of_one_image_but_not_in_a_channels_last_copy(mode, dtype):
    # Review 14: "a channels_last tensor is right" failed for a batch of one permuted from HWC.
    g = torch.Generator().manual_seed(0)
    for channels, (h_in, h_out) in [(2, (6, 3)), (3, (3, 6)), (5, (7, 2))]:
        hwc = (torch.rand(h_in, 4, channels, generator=g) * 255).to(dtype)
        view = hwc.permute(2, 0, 1)[None]
        assert view.is_contiguous(memory_format=torch.channels_last)
        assert view.contiguous(memory_format=torch.channels_last).stride() == view.stride()
        right = F.interpolate(view.double().transpose(-1, -2), size=(1, h_out), mode=mode, antialias=True).transpose(
            -1, -2
        )
        copied = F.interpolate(
            view.clone(memory_format=torch.channels_last), size=(h_out, 1), mode=mode, antialias=True
        )
        viewed = F.interpolate(view, size=(h_out, 1), mode=mode, antialias=True)
        torch.testing.assert_close(
            copied.double(), right, rtol=0, atol={torch.uint8: 1, torch.float32: 1e-3}.get(dtype, 1e-9)
        )
        if dtype != torch.uint8 or channels > 4:  # uint8 up to 4 channels runs the AVX2 code (see below)
            assert (viewed == viewed[..., :1, :]).all() and not torch.allclose(viewed.double(), right, atol=1), (
                channels,
                dtype,
            )


def is_channels_last_strides_2d(sizes, strides):
    """c10/core/MemoryFormat.h, is_channels_last_strides_2d_s4, line by line."""
    bound = 0
    if strides[1] == 0:
        return False
    for d in (1, 3, 2, 0):
        if sizes[d] == 0 or strides[d] < bound:
            return False
        if d == 0 and bound == strides[1]:  # the ambiguous N111 cases fall back to NCHW
            return False
        bound = strides[d] * (sizes[d] if sizes[d] > 1 else 1)
    return True


def random_view(rng, dtype, channels):
    """A crop, channel subset, permutation, copy or HWC view: the layouts the page's rule covers."""
    n, h, w = rng.randint(1, 3), rng.randint(2, 9), rng.randint(1, 8)
    order = list(range(4))
    rng.shuffle(order)
    full = (n + 1, 2 * channels + 2, h + 2, w + 2)
    base = torch.randn([full[p] for p in order], generator=torch.Generator().manual_seed(rng.randrange(2**31)))
    base = base.permute([order.index(i) for i in range(4)])
    if dtype == torch.uint8:
        base = (base * 60 + 128).clamp(0, 255)
    step = rng.choice([1, 1, 2])
    x = base.to(dtype)[:n, : channels * step : step, :h, :w]
    if rng.random() < 0.3:
        x = x.contiguous(memory_format=rng.choice([torch.channels_last, torch.contiguous_format]))
    if rng.random() < 0.15:
        x = x[0].permute(1, 2, 0).contiguous().permute(2, 0, 1)[None]  # a batch of one viewed from an HWC array
    return x


@pytest.mark.parametrize(
    "dtype,mode,antialias,channels",
    [
        (torch.float32, "bilinear", True, range(1, 7)),
        (torch.float32, "bicubic", True, range(1, 7)),
        (torch.uint8, "bilinear", False, (5,)),  # 5 channels: past torch's AVX2 uint8 code (up to 4)
    ],
)
def test_width_one_bug_escaped_exactly_by_several_channels_passing_the_channels_last_stride_test(
    dtype, mode, antialias, channels
):
    from torch._prims_common import suggest_memory_format

    rng = random.Random(9)
    outcomes = set()
    for _ in range(150):
        x = random_view(rng, dtype, rng.choice(channels))
        passes = is_channels_last_strides_2d(x.shape, x.stride())
        assert passes == (suggest_memory_format(x) == torch.channels_last)
        h = x.shape[2]
        h_out = h + 2 if h < 4 else h // 2
        out = F.interpolate(x, size=(h_out, 1), mode=mode, antialias=antialias)
        ref = F.interpolate(x.double().transpose(-1, -2), size=(1, h_out), mode=mode, antialias=antialias).transpose(
            -1, -2
        )
        if dtype == torch.uint8:
            ref = ref.round().clamp(0, 255)
        right = bool((out.double() - ref).abs().max() <= (1 if dtype == torch.uint8 else 1e-4))
        repeated = bool((out == out[:, :, :1]).all())
        assert right != repeated, (tuple(x.shape), x.stride())
        assert right == (x.shape[1] > 1 and passes), (tuple(x.shape), x.stride())
        outcomes.add((x.shape[1] > 1, passes, right))
    # Both outcomes, and several channels failing the test, occur.
    assert {(True, True, True), (True, False, False)} <= outcomes


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_width_one_layout_examples_the_page_names(mode):
    g = torch.Generator().manual_seed(1)
    rgb = torch.randn(1, 3, 6, 5, generator=g).clone(memory_format=torch.channels_last)
    six = torch.randn(1, 6, 6, 5, generator=g).clone(memory_format=torch.channels_last)
    hwc_view = torch.randn(6, 5, 3, generator=g).permute(2, 0, 1)[None]
    assert rgb[:, ::2].stride() == (90, 2, 15, 3) and hwc_view.stride() == (3, 1, 15, 3)
    cases = {
        "copy": (rgb, True),
        "row and column crop": (rgb[:, :, 1:, :-1], True),
        "x[:, ::2] of RGB": (rgb[:, ::2], False),
    }
    cases |= {"x[:, ::2] of 6 channels": (six[:, ::2], True), "HWC view": (hwc_view, False)}
    for name, (x, escapes) in cases.items():
        out = F.interpolate(x, size=(3, 1), mode=mode, antialias=True)
        ref = F.interpolate(x.transpose(-1, -2), size=(1, 3), mode=mode, antialias=True).transpose(-1, -2)
        assert torch.allclose(out, ref, atol=1e-5) == escapes == is_channels_last_strides_2d(x.shape, x.stride()), name


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize("h_in,h_out", [(6, 3), (3, 6), (7, 2), (2, 9)])
def test_width_one_bug_keeps_a_single_channel_in_channels_last(mode, h_in, h_out):
    gray = torch.randn(2, 1, h_in, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(h_in))
    converted = gray.contiguous(memory_format=torch.channels_last)
    assert converted.stride() == gray.stride()
    out = F.interpolate(converted, size=(h_out, 1), mode=mode, antialias=True)
    # The right answer, computed with the axes swapped (an output height of 1 is not affected).
    right = F.interpolate(gray.transpose(-1, -2), size=(1, h_out), mode=mode, antialias=True).transpose(-1, -2)
    assert (out == out[..., :1, :]).all() and not torch.allclose(out, right)
    two_calls = F.interpolate(
        F.interpolate(gray, size=(h_out, 4), mode=mode, antialias=True), size=(h_out, 1), mode=mode, antialias=True
    )
    torch.testing.assert_close(two_calls, right)
    # The plain kernel (no antialias) is right in the same call.
    plain = F.interpolate(converted, size=(h_out, 1), mode=mode)
    torch.testing.assert_close(
        plain, F.interpolate(gray.transpose(-1, -2), size=(1, h_out), mode=mode).transpose(-1, -2)
    )


@pytest.mark.parametrize(
    "mode,antialias",
    [("bilinear", False), ("bilinear", True), ("bicubic", False), ("bicubic", True), ("lanczos", True)],
)
def test_uint8_fails_only_for_three_contiguous_channels_to_one_pixel(mode, antialias):
    avx2 = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512")  # the page: only the AVX2 uint8 code fails
    # Review 71: an empty batch of the failing shape returns an empty tensor, so the page says "a non-empty batch".
    for batch, channels in itertools.product((0, 1, 2), range(1, 9)):
        for h_in, w_in in ((1, 1), (1, 5), (2, 1), (2, 2), (5, 5), (6, 5)):
            for size in ((1, 1), (1, 2), (2, 1), (2, 2)):
                for layout in (torch.contiguous_format, torch.channels_last):
                    x = torch.randint(
                        0,
                        256,
                        (batch, channels, h_in, w_in),
                        dtype=torch.uint8,
                        generator=torch.Generator().manual_seed(channels),
                    ).contiguous(memory_format=layout)
                    should_fail = (
                        avx2
                        and batch > 0
                        and channels == 3
                        and layout == torch.contiguous_format
                        and size == (1, 1)
                        and h_in > 1
                    )
                    try:
                        F.interpolate(x, size=size, mode=mode, antialias=antialias)
                        failed = False
                    except RuntimeError:
                        failed = True
                    assert failed == should_fail, (batch, channels, h_in, w_in, size, layout)
    docs = ROOT / "docs"
    assert "a non-empty batch of 3-channel\nimages in the default" in (docs / "interpolate-support.md").read_text(
        "utf-8"
    )
    assert "batch 不为空、默认（内存连续）布局的 3 通道图像" in (docs / "interpolate-support.zh.md").read_text("utf-8")


def test_uint8_one_pixel_cell(ns):
    assert ns["cpu_capability"] == torch.backends.cpu.get_cpu_capability()
    for (mode, layout, antialias), result in ns["one_pixel"].items():
        if layout == torch.contiguous_format and ns["cpu_capability"] in ("AVX2", "AVX512"):
            assert isinstance(result, str) and "INTERNAL ASSERT" in result, (mode, antialias)
        else:
            assert isinstance(result, list) and len(result) == 3, (mode, antialias)


def _triangle(t):
    return max(0.0, 1 - abs(t))


def _cubic(t, a=-0.5):
    t = abs(t)
    if t < 1:
        return ((a + 2) * t - (a + 3)) * t * t + 1
    return (((t - 5) * t + 8) * t - 4) * a if t < 2 else 0.0


def pillow_weights(mode, n_in, n_out, scale=None, stretch=None):
    """Pillow's resampling weights: kernel stretched by max(scale, 1) unless given, normalised per output
    pixel; the scale is the grid's step, in/out unless given."""
    scale = n_in / n_out if scale is None else scale
    stretch = max(scale, 1.0) if stretch is None else stretch
    kernel, half = (_triangle, 1) if mode == "bilinear" else (_cubic, 2)
    weights = torch.zeros(n_out, n_in, dtype=torch.float64)
    for i in range(n_out):
        centre, support = scale * (i + 0.5), half * stretch
        lo, hi = max(int(centre - support + 0.5), 0), min(int(centre + support + 0.5), n_in)
        row = torch.tensor([kernel((j - centre + 0.5) / stretch) for j in range(lo, hi)], dtype=torch.float64)
        weights[i, lo:hi] = row / row.sum()
    return weights


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_antialias_is_pillows_stretched_normalised_kernel(ns, mode):
    for n_in in range(1, 30):
        for n_out in list(range(1, 60)) + [200]:
            torch.testing.assert_close(
                ns["weight_rows"](n_in, n_out, mode=mode, antialias=True),
                pillow_weights(mode, n_in, n_out),
                rtol=0,
                atol=1e-12,
            )


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_given_scale_factor_the_stretch_is_one_over_the_factor_not_in_over_out(ns, mode):
    # Review r135-2: the page says "given scale_factor for every factor from 0.1 to 2.5 in steps of 0.05"; the
    # test tried eight factors, none between 0.75 and 1.5. Now every step, with the axis the factor keeps copied.
    not_in_over_out = copied = 0
    for n_in in range(1, 30):
        for factor in [step / 20 for step in range(2, 51)]:
            n_out = int(n_in * factor)
            if n_out == 0:
                continue
            got = ns["weight_rows"](n_in, scale_factor=factor, mode=mode, antialias=True)
            assert got.shape == (n_out, n_in)
            if n_out == n_in and factor != 1.0:  # the page's exception: the CPU kernel copies a kept axis
                assert torch.equal(got, torch.eye(n_in, dtype=torch.float64)), (n_in, factor)
                copied += 1
                continue
            torch.testing.assert_close(got, pillow_weights(mode, n_in, n_out, scale=1 / factor), rtol=0, atol=1e-12)
            not_in_over_out += not torch.allclose(got, pillow_weights(mode, n_in, n_out), rtol=0, atol=1e-12)
    assert not_in_over_out > 50  # where in * factor is not whole, in/out would give other weights
    assert copied > 20
    assert_pages_say(
        ("interpolate-support.md", "given `scale_factor` for every factor from 0.1 to 2.5 in steps of 0.05"),
        ("interpolate-support.zh.md", "传 `scale_factor` 时也对 0.1 到 2.5 之间每隔 0.05 的每个缩放因子做了同样的检查"),
    )


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_given_scale_factor_an_axis_the_factor_keeps_is_copied_on_the_cpu(mode):
    # Review 13: 1/scale_factor is the step except where floor(n * factor) == n: the CPU kernel copies that axis.
    for n_in in range(2, 40):
        identity = torch.eye(n_in, dtype=torch.float64).view(n_in, 1, 1, n_in)
        for factor in (1 + 0.5 / n_in, 1 + 0.99 / n_in):
            assert int(n_in * factor) == n_in
            out = F.interpolate(identity, scale_factor=(1.0, factor), mode=mode, antialias=True)
            got = out[:, 0, 0, :].T
            assert torch.equal(got, torch.eye(n_in, dtype=torch.float64))
            assert not torch.allclose(got, pillow_weights(mode, n_in, n_in, scale=1 / factor), rtol=0, atol=1e-6)


def test_the_seven_pixel_lines_differ(ns):
    by_size = ns["weight_rows"](7, 3, mode="bilinear", antialias=True)
    by_factor = ns["weight_rows"](7, scale_factor=0.5, mode="bilinear", antialias=True)
    torch.testing.assert_close(by_size, pillow_weights("bilinear", 7, 3, scale=7 / 3), rtol=0, atol=1e-12)
    torch.testing.assert_close(by_factor, pillow_weights("bilinear", 7, 3, scale=2.0), rtol=0, atol=1e-12)
    assert not torch.allclose(by_size[1], by_factor[1])
    recomputed = ns["weight_rows"](7, scale_factor=0.5, mode="bilinear", antialias=True, recompute_scale_factor=True)
    torch.testing.assert_close(recomputed, by_size, rtol=0, atol=1e-12)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_the_stretch_comment_names_the_cells_case_not_every_call(ns, mode):
    # Review 107: the cell's comment said "The stretch is the shrink factor of the grid: in/out given size, ...";
    # with align_corners=True the stretch is (in - 1)/(out - 1), and enlarging the kernel is not narrowed to in/out.
    corners = ns["weight_rows"](7, 3, mode=mode, antialias=True, align_corners=True)
    torch.testing.assert_close(corners, pillow_weights(mode, 7, 3, scale=3.0), rtol=0, atol=1e-12)
    assert not torch.allclose(corners, pillow_weights(mode, 7, 3), rtol=0, atol=1e-6)
    for n_in, n_out in ((4, 8), (5, 10), (3, 8)):
        enlarged = ns["weight_rows"](n_in, n_out, mode=mode, antialias=True)
        torch.testing.assert_close(enlarged, pillow_weights(mode, n_in, n_out, stretch=1.0), rtol=0, atol=1e-12)
        narrowed = pillow_weights(mode, n_in, n_out, stretch=n_in / n_out)
        assert narrowed.isfinite().all() and not torch.allclose(enlarged, narrowed, rtol=0, atol=1e-6)
    source = (ROOT / "examples" / "interpolate_support.py").read_text(encoding="utf-8")
    assert "Shrinking 7 pixels to 3 with align_corners=False, the stretch is in/out given size" in source
    assert "The stretch is the shrink factor of the grid" not in source


def test_weights_cell_as_the_page_reads_it(ns):
    plain = ns["weight_rows"](12, 4, mode="bilinear")[1]
    assert plain[4].item() == 1.0 and plain.abs().sum().item() == 1.0
    aa = ns["weight_rows"](12, 4, mode="bilinear", antialias=True)[1]
    torch.testing.assert_close(aa[2:7], torch.tensor([1.0, 2, 3, 2, 1], dtype=torch.float64) / 9)
    assert (aa[:2] == 0).all() and (aa[7:] == 0).all()
    assert ns["weight_rows"](12, 4, mode="bicubic", antialias=True)[1].min().item() < 0


def test_dtype_table_on_the_cpu(ns):
    expected_rejected = {
        ("torch.float16", "bilinear, antialias"),
        ("torch.float16", "bicubic, antialias"),
        ("torch.bfloat16", "bilinear, antialias"),
        ("torch.bfloat16", "bicubic, antialias"),
    }
    for dtype in ns["dtypes"]:
        for name, extra in ns["kernels"].items():
            key = (str(dtype), name)
            if ns["device"].type == "cpu":  # the page's table
                accepted = ns["dtype_support"][key] == "✓"
            else:  # the page's CPU sentence holds on a GPU build too: ask the CPU here
                accepted = works_on(torch.ones(1, 1, 8, 8).to(dtype), name.split(",")[0], **extra)
            assert accepted == (key not in expected_rejected), key


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_dtype_table_on_cuda_is_the_reverse(ns):
    table = ns["dtype_support"]
    assert table["torch.uint8", "bilinear, antialias"] != "✓" and table["torch.uint8", "bilinear"] != "✓"
    assert table["torch.uint8", "bicubic, antialias"] != "✓" and table["torch.uint8", "bicubic"] != "✓"
    # Of the 4-D modes, only the nearest ones take uint8 on a GPU.
    image = torch.randint(0, 256, (1, 3, 8, 8), dtype=torch.uint8, device="cuda")
    for mode in ("nearest", "nearest-exact", "area", "bilinear", "bicubic"):
        assert works_on(image, mode) == (mode in ("nearest", "nearest-exact")), mode
    for dtype in ("torch.float16", "torch.bfloat16"):
        assert table[dtype, "bilinear, antialias"] == "✓" and table[dtype, "bicubic, antialias"] == "✓"


def test_lanczos_needs_antialias_4d_and_rejects_align_corners_true():
    x = torch.rand(1, 1, 6, 6)
    with pytest.raises(ValueError, match="antialias=True"):
        F.interpolate(x, scale_factor=0.5, mode="lanczos")
    with pytest.raises(ValueError, match="align_corners=True"):
        F.interpolate(x, scale_factor=0.5, mode="lanczos", antialias=True, align_corners=True)
    assert F.interpolate(x, scale_factor=0.5, mode="lanczos", antialias=True).shape == (1, 1, 3, 3)
    for rank in (3, 5):
        with pytest.raises((ValueError, NotImplementedError)):
            F.interpolate(torch.rand((1, 1) + (6,) * (rank - 2)), scale_factor=0.5, mode="lanczos", antialias=True)


@pytest.mark.parametrize("mode", ["bicubic", "lanczos"])
@pytest.mark.parametrize("rank", [3, 5])
def test_bicubic_and_lanczos_on_the_wrong_rank_get_the_generic_message(mode, rank):
    # Review 55: the page named only bicubic; lanczos without antialias falls through to the same message.
    with pytest.raises(NotImplementedError) as error:
        F.interpolate(torch.rand((1, 1) + (6,) * (rank - 2)), scale_factor=2, mode=mode)
    message = str(error.value)
    assert f"Only 3D, 4D and 5D input Tensors supported (got {rank}D)" in message and "needs" not in message
    with pytest.raises(NotImplementedError, match="bilinear mode needs 4D input"):
        F.interpolate(torch.rand(1, 1, 6), scale_factor=2, mode="bilinear")


def test_order_of_checks_align_corners_then_antialias_then_rank_then_lanczos_rules(ns):
    # Review 55: the page said "the antialias check comes before the rank check" without the exceptions:
    # align_corners is checked before antialias, and lanczos's own need of antialias=True is checked after
    # the rank and after its align_corners=True check. The matrix cells (6 -> 12 and 6 -> 3) show each.
    results = ns["results"]
    for rank in (3, 4, 5):
        for mode in ("nearest", "nearest-exact", "area"):
            assert results[mode, rank, False, True].startswith("ValueError: align_corners option"), (mode, rank)
        for mode in ("linear", "trilinear") + (("bilinear", "bicubic") if rank != 4 else ()):
            for align in (None, False, True):
                assert results[mode, rank, align, True].startswith("ValueError: Anti-alias option"), (mode, rank)
    for rank in (3, 5):
        for align in (None, False, True):
            assert "Only 3D, 4D and 5D input Tensors supported" in results["lanczos", rank, align, False], rank
    assert results["lanczos", 4, True, False] == "ValueError: Lanczos mode does not support align_corners=True"
    assert results["lanczos", 4, False, False] == "ValueError: Lanczos mode requires antialias=True"


def test_nn_upsample_has_no_antialias_argument():
    assert "antialias" not in inspect.signature(nn.Upsample).parameters
    assert "antialias" in inspect.signature(F.interpolate).parameters


def test_tables_are_well_formed_and_messages_exact(run):
    ns, out = run
    lines = out.splitlines()
    rows = [line for line in lines if line.startswith("|")]
    # Tables from consecutive cells touch; each one starts at the line above a |---| rule.
    starts = [i - 1 for i, line in enumerate(lines) if line.startswith("|---")]
    assert len(starts) == 6  # defaults, matrix, legend, summary, antialias_enlarging, dtypes
    for start, end in zip(starts, starts[1:] + [len(lines)]):
        table = [line for line in lines[start:end] if line.startswith("|")]
        widths = {len(re.split(r"(?<!\\)\|", row)) for row in table}
        assert len(widths) == 1, table[0]
    legend = "\n".join(rows)
    for message in ns["codes"]:
        assert ns["md_escape"](message) in legend
        assert ns["md_escape"](message).strip("`").replace("\\|", "|") == message


def test_seven_documented_modes_are_the_starting_list(ns):
    assert ns["documented"] == DOCUMENTED


def test_lanczos_docstring_says_4d_and_cpu_only():
    doc = " ".join(F.interpolate.__doc__.split())
    assert "`lanczos` (4D-only, CPU only)" in doc


def test_wrong_arguments_are_value_errors_wrong_ranks_not_implemented(ns):
    kinds = {}
    for mode in ns["candidates"]:
        for rank in (3, 4, 5):
            for align in (None, False, True):
                for aa in (False, True):
                    try:
                        F.interpolate(
                            torch.rand((1, 1) + (6,) * (rank - 2)),
                            scale_factor=2,
                            mode=mode,
                            align_corners=align,
                            antialias=aa,
                        )
                    except Exception as error:
                        message = str(error)
                        kind = "rank" if "needs" in message or "Only 3D, 4D and 5D" in message else "arguments"
                        kinds.setdefault(kind, set()).add(type(error).__name__)
    assert kinds == {"rank": {"NotImplementedError"}, "arguments": {"ValueError"}}


@pytest.mark.parametrize("channels", [1, 2, 3, 4, 5, 6])
@pytest.mark.parametrize(
    "mode,antialias",
    [("bilinear", True), ("bicubic", True), ("lanczos", True), ("bilinear", False), ("bicubic", False)],
)
def test_width_one_on_uint8_is_right_only_in_the_avx2_code(channels, mode, antialias):
    avx2_code = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512") and channels <= 4
    for h_in, h_out in ((6, 3), (3, 6), (7, 2)):
        x = torch.randint(
            0, 256, (2, channels, h_in, 4), dtype=torch.uint8, generator=torch.Generator().manual_seed(h_in)
        )
        out = F.interpolate(x, size=(h_out, 1), mode=mode, antialias=antialias)
        right = F.interpolate(x.double().transpose(-1, -2), size=(1, h_out), mode=mode, antialias=antialias).transpose(
            -1, -2
        )
        # (uint8 bicubic rounds and clips between its two passes: up to some 20 levels off a float reference.)
        tolerance = 1 if mode == "bilinear" else 20
        repeated = bool((out == out[..., :1, :]).all())
        if avx2_code:
            assert not repeated and (out.double() - right.round().clamp(0, 255)).abs().max() <= tolerance, (h_in, h_out)
        else:
            assert repeated and not torch.equal(out.double(), right.round().clamp(0, 255)), (h_in, h_out)
        # The workarounds: the transpose (an output height of 1), and channels_last with several channels.
        transposed = F.interpolate(x.transpose(-1, -2), size=(1, h_out), mode=mode, antialias=antialias).transpose(
            -1, -2
        )
        workarounds = [transposed]
        if channels > 1:
            workarounds.append(
                F.interpolate(
                    x.contiguous(memory_format=torch.channels_last), size=(h_out, 1), mode=mode, antialias=antialias
                )
            )
        for fixed in workarounds:
            assert (fixed.double() - right.round().clamp(0, 255)).abs().max() <= tolerance
            assert not (fixed == fixed[..., :1, :]).all()


def test_width_one_uint8_cell(ns):
    rows = ns["width_one"]
    avx2 = ns["cpu_capability"] in ("AVX2", "AVX512")
    assert len(set(rows["uint8", 3, True].tolist())) == (3 if avx2 else 1)
    assert len(set(rows["uint8", 5, True].tolist())) == 1 and len(set(rows["uint8", 5, False].tolist())) == 1


def test_uint8_with_the_generic_cpu_kernel():
    # With ATEN_CPU_CAPABILITY=default: the 1x1 call works (the failure is the AVX2 code's),
    # and 3-channel uint8 has the width-1 bug (only the AVX2 code escapes it).
    script = (
        "import torch, torch.nn.functional as F\n"
        "assert torch.backends.cpu.get_cpu_capability() == 'DEFAULT'\n"
        "rgb = torch.randint(0, 256, (1, 3, 6, 5), dtype=torch.uint8)\n"
        "for mode, aa in (('bilinear', False), ('bilinear', True), ('bicubic', False), ('bicubic', True), ('lanczos', True)):\n"
        "    want = F.interpolate(rgb.double(), size=(1, 1), mode=mode, antialias=aa).round().clamp(0, 255)\n"
        "    got = F.interpolate(rgb, size=(1, 1), mode=mode, antialias=aa).double()\n"
        "    assert (got - want).abs().max() <= 1, (mode, aa)\n"
        "    tall = torch.arange(30, dtype=torch.uint8).view(1, 1, 6, 5).repeat(1, 3, 1, 1)\n"
        "    column = F.interpolate(tall, size=(3, 1), mode=mode, antialias=aa)\n"
        "    assert (column == column[..., :1, :]).all(), (mode, aa)  # the width-1 bug, in 3 channels\n"
    )
    run_python(script, ATEN_CPU_CAPABILITY="default", OMP_NUM_THREADS="1")


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_width_one_workarounds_transpose_always_two_calls_not_on_one_pixel_wide_input(ns, mode):
    for h, w, h_out in [(6, 1, 3), (2, 1, 5), (7, 1, 2), (6, 5, 3), (3, 4, 8), (9, 2, 4)]:
        x = torch.randn(2, 2, h, w, dtype=torch.float64, generator=torch.Generator().manual_seed(h * 10 + w))
        right = torch.einsum("oh,nchw,pw->ncop", pillow_weights(mode, h, h_out), x, pillow_weights(mode, w, 1))
        transposed = F.interpolate(x.transpose(-1, -2), size=(1, h_out), mode=mode, antialias=True).transpose(-1, -2)
        torch.testing.assert_close(transposed, right)
        first = F.interpolate(x, size=(h_out, w), mode=mode, antialias=True)
        two_calls = F.interpolate(first, size=(h_out, 1), mode=mode, antialias=True)
        assert torch.allclose(two_calls, right) == (w > 1), (h, w, h_out)
    assert ns["narrow_two_calls"].flatten().unique().numel() == 1
    column = torch.arange(0.0, 30.0, 5.0, dtype=torch.float64)  # the 6x1 input: column 0 of the 6x5 ramp
    torch.testing.assert_close(ns["narrow_transposed"].flatten().double(), pillow_weights("bilinear", 6, 3) @ column)
    torch.testing.assert_close(ns["transposed"], ns["two_calls"])


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_an_output_height_of_one_is_not_affected(mode):
    for h in range(1, 9):
        for w in range(1, 9):
            x = torch.randn(1, 3, h, w, dtype=torch.float64, generator=torch.Generator().manual_seed(h * 10 + w))
            for w_out in range(1, 12):
                got = F.interpolate(x, size=(1, w_out), mode=mode, antialias=True)
                want = torch.einsum("oh,nchw,pw->ncop", pillow_weights(mode, h, 1), x, pillow_weights(mode, w, w_out))
                torch.testing.assert_close(got, want, msg=f"{h}x{w} -> 1x{w_out}")


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_stretch_with_recompute_is_in_over_out_and_with_align_corners_true_in_minus_one(ns, mode):
    differs = 0
    for n_in in range(2, 30):
        for factor in (0.1, 0.3, 0.45, 0.5, 0.7, 1.5, 2.5):
            n_out = int(n_in * factor)
            if n_out < 2:
                continue
            recomputed = ns["weight_rows"](
                n_in, scale_factor=factor, mode=mode, antialias=True, recompute_scale_factor=True
            )
            torch.testing.assert_close(recomputed, pillow_weights(mode, n_in, n_out), rtol=0, atol=1e-12)
            differs += not torch.allclose(
                recomputed, pillow_weights(mode, n_in, n_out, scale=1 / factor), rtol=0, atol=1e-12
            )
            corners = pillow_weights(mode, n_in, n_out, scale=(n_in - 1) / (n_out - 1))
            for resize in (dict(n_out=n_out), dict(scale_factor=factor)):
                got = ns["weight_rows"](n_in, mode=mode, antialias=True, align_corners=True, **resize)
                torch.testing.assert_close(got, corners, rtol=0, atol=1e-12)
    assert differs > 50


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_align_corners_true_to_one_pixel_takes_scale_zero_not_in_minus_one(ns, mode):
    # (in - 1)/(out - 1) has no value at out = 1: torch takes 0, an unstretched kernel centred at 0.
    for n_in in range(1, 30):
        for resize in (dict(n_out=1), dict(scale_factor=1.5 / n_in)):
            got = ns["weight_rows"](n_in, mode=mode, antialias=True, align_corners=True, **resize)
            torch.testing.assert_close(got, pillow_weights(mode, n_in, 1, scale=0.0), rtol=0, atol=1e-12)
            if mode == "bilinear":  # the first input pixel alone, however many pixels are shrunk to one
                assert got[0, 0].item() == 1.0 and got.abs().sum().item() == 1.0, (n_in, resize)


@pytest.mark.parametrize("channels", [1, 3, 4, 5])
@pytest.mark.parametrize("mode,antialias", [("bilinear", False), ("bilinear", True), ("bicubic", True)])
def test_the_transpose_workaround_fails_on_uint8_one_pixel_high_in_the_avx2_code(channels, mode, antialias):
    # The transpose of a 1-pixel-high image has a width of 1 with stride w: the AVX2 uint8 code
    # (up to 4 channels) reads past the image. The memory after the image is set to 200 here.
    avx2_code = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512") and channels <= 4
    for w, h_out in ((2, 3), (5, 2), (5, 6)):
        memory = torch.full((4096,), 200, dtype=torch.uint8)
        memory[: channels * w] = torch.arange(channels * w) % 50
        x = memory[: channels * w].view(1, channels, 1, w)
        right = (
            F.interpolate(x.double(), size=(1, 1), mode=mode, antialias=antialias).round().expand(1, channels, h_out, 1)
        )
        plain = F.interpolate(x, size=(h_out, 1), mode=mode, antialias=antialias).double()
        assert (plain - right).abs().max() <= 1  # the plain call needs no workaround
        transposed = (
            F.interpolate(x.transpose(-1, -2), size=(1, h_out), mode=mode, antialias=antialias)
            .transpose(-1, -2)
            .double()
        )
        assert ((transposed - right).abs().max() <= 1) != avx2_code, (w, h_out)


def test_sizes_and_dtypes_add_runtime_errors_to_the_two_exception_types():
    # "and RuntimeError too once sizes and dtypes vary": the matrix's two types do not cover these.
    ranks = {
        3: ("nearest", "nearest-exact", "linear"),
        4: ("nearest", "nearest-exact", "bilinear", "bicubic"),
        5: ("nearest", "nearest-exact", "trilinear"),
    }
    for rank, modes in ranks.items():
        x = torch.rand((1, 3) + (4,) * (rank - 2))
        for mode in modes:
            with pytest.raises(RuntimeError, match="greater than 0"):
                F.interpolate(x, scale_factor=0.1, mode=mode)
        # "in every mode but area, which returns an empty tensor instead"
        assert F.interpolate(x, scale_factor=0.1, mode="area").shape == (1, 3) + (0,) * (rank - 2)
    with pytest.raises(RuntimeError, match="greater than 0"):
        F.interpolate(torch.rand(1, 3, 4, 4), scale_factor=0.1, mode="bilinear", antialias=True)
    image = torch.zeros(1, 3, 4, 4, dtype=torch.uint8)
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        with pytest.raises(RuntimeError) as error:
            F.interpolate(image, size=(1, 1), mode="bilinear")
        assert not isinstance(error.value, NotImplementedError)


@pytest.mark.filterwarnings("ignore:torch.quantize_per_tensor")
def test_an_input_without_channels_or_pixels_is_a_runtime_error_in_every_mode_but_area():
    # Review 52: the list of RuntimeError cases missed inputs with no channels or a side of 0 pixels, which every
    # mode's shape check rejects; `area` too, except without channels on 3-D and 4-D input, and to one pixel per
    # axis, where it takes a mean (of no channels: an empty tensor; of no pixels: nan).
    ranks = {
        3: ("nearest", "nearest-exact", "linear"),
        4: ("nearest", "nearest-exact", "bilinear", "bicubic", "lanczos"),
        5: ("nearest", "nearest-exact", "trilinear"),
    }
    for rank, modes in ranks.items():
        for empty_axis in sorted({1, 2, rank - 1}):  # the channels, the first and the last spatial axis
            shape = [2, 3] + [4] * (rank - 2)
            shape[empty_axis] = 0
            x = torch.rand(shape)
            for side in (1, 3, 8):
                size = (side,) * (rank - 2)
                for mode in modes:
                    for antialias in {mode == "lanczos", mode in ("bilinear", "bicubic", "lanczos")}:
                        with pytest.raises(RuntimeError) as caught:
                            F.interpolate(x, size=size, mode=mode, antialias=antialias)
                        assert type(caught.value) is RuntimeError, (rank, mode, side)
                if side == 1 and empty_axis > 1:
                    assert F.interpolate(x, size=size, mode="area").isnan().all()
                elif empty_axis == 1 and (rank < 5 or side == 1):
                    assert F.interpolate(x, size=size, mode="area").shape == (2, 0, *size)
                else:
                    with pytest.raises(RuntimeError, match="non-zero size") as caught:
                        F.interpolate(x, size=size, mode="area")
                    assert type(caught.value) is RuntimeError
            # Review 72: without channels, `area` returns an empty tensor on 3-D and 4-D input only with pixels on
            # every side: with a side of 0 pixels too it raises, except at one pixel per axis (the mean of no pixels).
            no_pixels = torch.rand([2, 0, 0] + [4] * (rank - 3))
            for side in (0, 2, 3):
                with pytest.raises(RuntimeError, match="non-zero size"):
                    F.interpolate(no_pixels, size=(side,) * (rank - 2), mode="area")
    # Review 77: the page said which shapes without channels `area` returns empty for every dtype, but quantized
    # 4-D input raises and quantized 5-D input to one voxel does not: it points to Equivalent calls, which sorts
    # every dtype (test_zero_channel_area_is_empty_by_dtype_and_rank there).
    quantized = torch.quantize_per_tensor(torch.zeros(1, 0, 4, 4), 0.1, 0, torch.quint8)
    with pytest.raises(RuntimeError):
        F.interpolate(quantized, size=(2, 2), mode="area")
    docs = ROOT / "docs"
    assert (
        "which can return an empty tensor instead\n  ([Equivalent calls](interpolate-equivalences.md) says where"
        in (docs / "interpolate-support.md").read_text("utf-8")
    )
    assert "`area` 则可能返回一个空张量，各个 dtype 在哪些情况下返回见[等价写法]" in (
        docs / "interpolate-support.zh.md"
    ).read_text("utf-8")


ALL_DTYPES = sorted({value for value in vars(torch).values() if isinstance(value, torch.dtype)}, key=str)
QUANTIZED = (torch.quint8, torch.qint8, torch.qint32, torch.quint4x2, torch.quint2x4)
MEAN_DTYPES = (torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64, torch.complex128)


@pytest.mark.filterwarnings("ignore:torch.quantize_per_tensor", "ignore:BComplex32 support is experimental")
@pytest.mark.filterwarnings("ignore:ComplexHalf support is experimental")
@pytest.mark.parametrize("dtype", [dtype for dtype in ALL_DTYPES if dtype not in QUANTIZED], ids=str)
def test_an_input_with_a_side_of_0_pixels_raises_in_every_dtype_but_where_area_takes_a_mean(dtype):
    # Review 77: the exceptions to "a side of 0 pixels is a RuntimeError" named the float and complex dtypes only.
    # Review 79: the list is now about input that is not quantized (test_quantized_input_breaks_the_runtime_error_list).
    assert len(ALL_DTYPES) > 40 and torch.quint4x2 in ALL_DTYPES
    ranks = {3: ("nearest", "linear"), 4: ("nearest-exact", "bilinear", "bicubic"), 5: ("nearest", "trilinear")}
    for rank, modes in ranks.items():
        for channels, empty_side in itertools.product((0, 2), range(2, rank)):
            shape = [1, channels] + [4] * (rank - 2)
            shape[empty_side] = 0
            x = torch.empty(shape, dtype=dtype)
            for size in itertools.product((0, 1, 2), repeat=rank - 2):
                for mode in modes:
                    with pytest.raises(RuntimeError) as caught:
                        F.interpolate(x, size=size, mode=mode)
                    assert type(caught.value) is RuntimeError, (rank, mode, size)
                one_pixel = set(size) == {1}
                if one_pixel and dtype in MEAN_DTYPES:
                    assert F.interpolate(x, size=size, mode="area").shape == (1, channels, *size)
                else:
                    with pytest.raises(RuntimeError) as caught:
                        F.interpolate(x, size=size, mode="area")
                    # Review 119: the page listed every other dtype's one-pixel `area` as a RuntimeError; the mean
                    # refuses float8, float4 and complex32 with a NotImplementedError (a subclass that
                    # pytest.raises(RuntimeError) accepted), so the page no longer says what it raises for them.
                    not_implemented = one_pixel and (dtype.is_floating_point or dtype.is_complex)
                    assert (type(caught.value) is NotImplementedError) == not_implemented, (rank, size)
                    assert not_implemented or type(caught.value) is RuntimeError, (rank, size)
    assert "`area` resized to one pixel per axis,\n  where it takes the mean of no pixels: nan on float16" in (
        ROOT / "docs" / "interpolate-support.md"
    ).read_text("utf-8")
    assert "只有一种情况例外：`area` 把每个轴都缩放到 1 个像素，此时它对零个像素求均值：float16" in (
        ROOT / "docs" / "interpolate-support.zh.md"
    ).read_text("utf-8")


@pytest.mark.filterwarnings("ignore:torch.quantize_per_tensor")
def test_quantized_input_breaks_the_runtime_error_list():
    # Review 79: "On the CPU, a RuntimeError comes from: an output side of 0 pixels, in every mode but area" failed on
    # quantized input: 5-D quint8, qint8 and qint32 resized by nearest or nearest-exact to a depth or height of 0
    # return an empty tensor (only an output width of 0 raises there). The list now sets quantized input aside.
    for dtype, mode in itertools.product(QUANTIZED[:3], ("nearest", "nearest-exact")):
        x = torch._empty_affine_quantized((1, 2, 4, 4, 4), scale=0.1, zero_point=0, dtype=dtype)
        for size in ((0, 3, 3), (3, 0, 3), (0, 0, 3)):
            assert F.interpolate(x, size=size, mode=mode).shape == (1, 2, *size)
        with pytest.raises(RuntimeError):
            F.interpolate(x, size=(3, 3, 0), mode=mode)
    assert "\nOn the CPU, on input that is not quantized, a `RuntimeError` comes from:\n" in (
        ROOT / "docs" / "interpolate-support.md"
    ).read_text("utf-8")
    assert "\n在 CPU 上，对非量化输入，以下情况抛出的都是 `RuntimeError`：\n" in (
        ROOT / "docs" / "interpolate-support.zh.md"
    ).read_text("utf-8")


@pytest.mark.filterwarnings("ignore:ComplexHalf support is experimental")
def test_the_runtime_error_list_is_the_cpus():
    # Review 78: the list had no device, but its exceptions come from the CPU: off the CPU, mean fills an empty
    # result with nan after a dtype check that lets float8 and complex32 through (the meta device runs that check
    # alone), where the CPU's division refuses them.
    for dtype in (torch.float8_e4m3fn, torch.float8_e5m2, torch.complex32):
        for shape in ((1, 2, 0, 4), (1, 2, 4, 0, 4)):
            meta = torch.empty(shape, dtype=dtype, device="meta")
            assert meta.mean(tuple(range(2, len(shape))), keepdim=True).shape == (1, 2) + (1,) * (len(shape) - 2)
            with pytest.raises(RuntimeError):
                F.interpolate(torch.empty(shape, dtype=dtype), size=(1,) * (len(shape) - 2), mode="area")
    assert "\nOn the CPU, on input that is not quantized, a `RuntimeError`" in (
        ROOT / "docs" / "interpolate-support.md"
    ).read_text("utf-8")
    assert "\n在 CPU 上，对非量化输入，以下情况抛出的都是" in (ROOT / "docs" / "interpolate-support.zh.md").read_text(
        "utf-8"
    )


@pytest.mark.parametrize(
    "dtype", [torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64, torch.complex128]
)
def test_area_with_no_pixels_to_one_pixel_per_axis_is_nan_in_float_and_complex_dtypes(dtype):
    # Review 63: the exception to "a side of 0 pixels is a RuntimeError" named floating-point input only; complex
    # input (not floating point to torch) reaches the same mean of no pixels, nan in both parts, and raises nothing.
    for rank in (3, 4, 5):
        for empty_axis in range(2, rank):
            shape = [2, 3] + [4] * (rank - 2)
            shape[empty_axis] = 0
            x = torch.zeros(shape, dtype=dtype)
            one = F.interpolate(x, size=(1,) * (rank - 2), mode="area")
            assert one.shape == (2, 3) + (1,) * (rank - 2) and one.dtype == dtype
            assert torch.view_as_real(one).isnan().all() if dtype.is_complex else one.isnan().all(), (rank, empty_axis)
            with pytest.raises(RuntimeError, match="non-zero size") as caught:
                F.interpolate(x, size=(3,) * (rank - 2), mode="area")
            assert type(caught.value) is RuntimeError


@pytest.mark.parametrize("dtype", [torch.uint8, torch.int8, torch.int32, torch.int64, torch.bool])
def test_area_on_any_integer_dtype_to_one_pixel_per_axis_is_a_runtime_error(dtype):
    # Review 9: the list of RuntimeError cases named only uint8; every integer dtype and bool
    # reaches the same mean, and other sizes are a NotImplementedError for all of them.
    for rank in (3, 4, 5):
        x = torch.zeros((2, 3) + (4,) * (rank - 2), dtype=dtype)
        for side in (1, 2, 3):
            expected = RuntimeError if side == 1 else NotImplementedError
            with pytest.raises(expected) as caught:
                F.interpolate(x, size=(side,) * (rank - 2), mode="area")
            assert type(caught.value) is expected, (dtype, rank, side)


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "bilinear", "bicubic", "area"])
@pytest.mark.parametrize("kwargs", [{"size": (-1, 3)}, {"scale_factor": -2.0}])
def test_a_negative_output_size_is_a_runtime_error_in_every_mode(mode, kwargs):
    # Review 9: unlike a side of 0 pixels, a negative one is an error in `area` too.
    with pytest.raises(RuntimeError) as caught:
        F.interpolate(torch.rand(1, 2, 6, 6), mode=mode, **kwargs)
    assert not isinstance(caught.value, NotImplementedError)


def test_glossary_decimation_is_slicing_but_scipy_decimate_filters_first():
    import numpy as np
    from scipy.signal import decimate

    x = np.sin(np.linspace(0, 40, 400)) + np.random.default_rng(0).standard_normal(400)
    for k in (2, 3, 4):
        assert decimate(x, k).shape == x[::k].shape
        assert np.abs(decimate(x, k) - x[::k]).max() > 0.1, k


@pytest.mark.parametrize("mode,taps", [("bilinear", 2), ("bicubic", 4)])
def test_glossary_bilinear_and_bicubic_taps_grow_only_with_antialias_shrinking(mode, taps):
    for n, out in ((12, 4), (12, 6), (9, 3)):
        eye = torch.eye(n).view(n, 1, 1, n)  # row j is the unit impulse at j: output = weights
        plain = F.interpolate(eye, size=(1, out), mode=mode)[:, 0, 0, :]
        wide = F.interpolate(eye, size=(1, out), mode=mode, antialias=True)[:, 0, 0, :]
        assert ((plain != 0).sum(dim=0) <= taps).all()
        assert ((wide != 0).sum(dim=0) > taps).any()


def test_glossary_align_corners_true_aligns_corners_only_without_antialias_and_beyond_one_pixel():
    ramp = torch.arange(5.0).view(1, 1, 1, 5)
    for mode in ("bilinear", "bicubic"):
        for out in (3, 9, 13):
            plain = F.interpolate(ramp, size=(1, out), mode=mode, align_corners=True)[0, 0, 0]
            assert plain[0] == 0 and abs(plain[-1] - 4) < 1e-5
            aa = F.interpolate(ramp, size=(1, out), mode=mode, align_corners=True, antialias=True)[0, 0, 0]
            assert abs(aa[-1] - 4) > 0.01, (mode, out)
        one = F.interpolate(torch.arange(1.0, 26.0).view(1, 1, 5, 5), size=(1, 1), mode=mode, align_corners=True)
        assert one.item() == 1.0


def test_glossary_sub_pixel_convolution_has_one_channel_per_position_and_output_channel():
    c, r = 3, 2
    x = torch.arange(c * r * r, dtype=torch.float32).view(1, c * r * r, 1, 1)
    y = torch.nn.functional.pixel_shuffle(x, r)  # (1, c, r, r)
    for i in range(r):
        for j in range(r):
            assert y[0, :, i, j].tolist() == [ch * r * r + i * r + j for ch in range(c)]


def test_size_scale_factor_and_recompute_have_rules_of_their_own():
    x = torch.rand(1, 1, 4, 4)
    for kwargs in ({"size": 2, "scale_factor": 0.5}, {}, {"size": 2, "recompute_scale_factor": True}):
        with pytest.raises(ValueError):
            F.interpolate(x, **kwargs)
    assert F.interpolate(x, scale_factor=0.5, recompute_scale_factor=True).shape[-1] == 2


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_glossary_antialias_reduces_aliasing_but_lets_part_through(mode):
    n = 256
    wave = torch.cos(2 * torch.pi * 0.4 * torch.arange(n, dtype=torch.float64)).view(1, 1, 1, n)  # folds to 0.1
    plain = F.interpolate(wave, size=(1, n // 2), mode=mode)[0, 0, 0, 8:-8].abs().max()
    smooth = F.interpolate(wave, size=(1, n // 2), mode=mode, antialias=True)[0, 0, 0, 8:-8].abs().max()
    assert 0.01 < smooth < plain, (float(smooth), float(plain))


# The glossary's conventions: each limit is there because torch behaves differently outside it.
def test_convention_finite_values_an_inf_beside_a_copied_pixel_gives_nan():
    row = torch.arange(9.0).view(1, 1, 9)
    row[0, 0, 2] = float("inf")  # pixel 1, which odd-factor linear copies, reads pixel 2 with weight 0
    out = F.interpolate(row, scale_factor=1 / 3, mode="linear")
    assert torch.equal(row[..., 1::3][..., 1:], out[..., 1:]) and out[0, 0, 0].isnan()


def test_convention_axes_below_2_to_the_23_float32_loses_half_pixels_there():
    n = 2**23 + 16
    row = torch.arange(n, dtype=torch.float32).remainder(7).view(1, 1, n)
    pooled = F.avg_pool1d(row, 2)
    halved = F.interpolate(row, scale_factor=0.5, mode="linear")
    short = 2**23 // 2
    assert torch.equal(halved[..., :short], pooled[..., :short])
    assert not torch.equal(halved[..., short:], pooled[..., short:])


def test_convention_tensors_with_elements_pixel_unshuffle_returns_an_empty_tensor_unchanged():
    empty = torch.zeros(0, 2, 8, 8)
    assert F.pixel_unshuffle(empty, 2).shape == empty.shape  # a tensor with elements becomes (N, 8, 4, 4)
    assert F.pixel_unshuffle(torch.zeros(1, 2, 8, 8), 2).shape == (1, 8, 4, 4)


def test_convention_equal_does_not_tell_the_sign_of_zero():
    row = torch.tensor([[[1.0, -0.0, 1.0]]])
    out = F.interpolate(row, scale_factor=1 / 3, mode="linear")
    assert torch.equal(out, row[..., 1::3]) and torch.signbit(row[0, 0, 1]) and not torch.signbit(out[0, 0, 0])


def test_convention_float64_escapes_the_float32_positions_on_the_cpu():
    n = 2**23 + 16
    row = torch.arange(n, dtype=torch.float64).remainder(7).view(1, 1, n)
    halved = F.interpolate(row, scale_factor=0.5, mode="linear")
    assert torch.equal(halved, F.avg_pool1d(row, 2))  # in float32 the tail differs (test above)
    assert torch.equal(F.interpolate(row, scale_factor=0.5, mode="nearest"), row[..., ::2])
    # not in all: the CPU's 4-D nearest kernel for small outputs rounds the ratio 2/82 to float32 in float64 too
    image = torch.arange(2, dtype=torch.float64).view(1, 1, 1, 2)
    assert F.interpolate(image, size=(1, 82), mode="nearest")[0, 0, 0, 41] == 0  # exact: pixel 1


@pytest.mark.parametrize("neighbour, sign", [(1.0, False), (-1.0, True)])
def test_convention_odd_factor_bilinear_makes_minus_zero_plus_only_between_positive_neighbours(neighbour, sign):
    image = torch.tensor([neighbour, -0.0, neighbour]).repeat(3, 1).view(1, 1, 3, 3)
    out = F.interpolate(image, scale_factor=1 / 3, mode="bilinear")
    assert torch.equal(out, image[..., 1::3, 1::3]) and bool(torch.signbit(out).all()) is sign


def test_convention_differ_means_not_the_same_function_they_still_meet_at_2_to_1():
    image = torch.randn(1, 1, 8, 8, dtype=torch.float64)
    plain, smooth = (F.interpolate(image, size=(3, 3), mode="bilinear", antialias=aa) for aa in (False, True))
    assert (plain - smooth).abs().min() > 1e-6  # shrinking 8 -> 3: every pixel differs here
    pair = image[..., :2, :2]
    plain, smooth = (F.interpolate(pair, size=(1, 1), mode="bilinear", antialias=aa) for aa in (False, True))
    assert torch.allclose(plain, smooth, rtol=0, atol=1e-15) and torch.allclose(plain, pair.mean(), rtol=0, atol=1e-15)
    # Review 12: not at 4x2 -> 7x1, whose width also goes 2 -> 1: the CPU's one-pixel-wide bug (contiguous float).
    tall = image[..., :4, :2]
    plain, smooth = (F.interpolate(tall, size=(7, 1), mode="bilinear", antialias=aa) for aa in (False, True))
    assert (plain - smooth).abs().max() > 0.05


def test_convention_2x2_to_1x1_with_and_without_antialias_agree_only_up_to_rounding_in_float32():
    # Review 13: the glossary said they "agree"; in float32 the antialiased weights round differently.
    gen = torch.Generator().manual_seed(13)
    images = torch.randn(64, 3, 2, 2, generator=gen) * 100
    plain, smooth = (F.interpolate(images, size=(1, 1), mode="bilinear", antialias=aa) for aa in (False, True))
    assert not torch.equal(plain, smooth)
    assert torch.allclose(plain, smooth, rtol=1e-6, atol=1e-5)


def test_glossary_max_pooling_gives_nan_for_a_window_that_holds_one():
    row = torch.tensor([[[1.0, float("nan"), 3.0, 2.0]]])
    assert F.max_pool1d(row, 2)[0, 0, 0].isnan() and F.max_pool1d(row, 2)[0, 0, 1] == 3


def test_glossary_average_pooling_with_divisor_override_is_not_the_mean():
    image = torch.arange(4.0).view(1, 1, 2, 2)
    assert F.avg_pool2d(image, 2).item() == 1.5
    assert F.avg_pool2d(image, 2, divisor_override=3).item() == 2.0


def test_index_grid_sample_matches_interpolate_only_up_to_rounding():
    torch.manual_seed(0)
    image = torch.rand(1, 1, 7, 7)
    grid = F.affine_grid(torch.tensor([[[1.0, 0, 0], [0, 1.0, 0]]]), (1, 1, 12, 12), align_corners=False)
    sampled = F.grid_sample(image, grid, mode="bilinear", padding_mode="border", align_corners=False)
    resized = F.interpolate(image, size=(12, 12), mode="bilinear")
    assert torch.allclose(sampled, resized, atol=1e-6) and not torch.equal(sampled, resized)


def test_glossary_align_corners_true_one_pixel_axis_takes_the_first_pixel_except_the_uint8_bug():
    torch.manual_seed(0)
    for channels in (1, 3, 5):
        for dtype in (torch.float32, torch.float64, torch.uint8):
            for h_in, w_in, h_out in ((3, 3, 5), (4, 1, 8), (3, 5, 6), (4, 4, 1)):
                x = (torch.rand(1, channels, h_in, w_in) * 255).to(dtype)
                if dtype == torch.uint8 and channels == 3 and h_out == 1:
                    continue  # the internal assert of which-modes-work-where
                out = F.interpolate(x, size=(h_out, 1), mode="bilinear", align_corners=True)
                first = F.interpolate(x[..., :1].double(), size=(h_out, 1), mode="bilinear", align_corners=True)
                diff = (out.double() - first.round() if dtype == torch.uint8 else out.double() - first).abs().max()
                broken = dtype == torch.uint8 and channels > 4 and h_out != h_in and h_out > 1
                assert bool(diff > 1) is broken, (channels, dtype, h_in, w_in, h_out)


def test_glossary_antialiased_bilinear_is_wider_than_two_pixels_but_can_read_only_two():
    def taps(n_in, n_out):
        one_hot = torch.eye(n_in).view(n_in, 1, 1, n_in)
        weights = F.interpolate(one_hot, size=(1, n_out), mode="bilinear", antialias=True)[:, 0, 0, :]
        return (weights != 0).sum(dim=0)

    assert (taps(10, 9) == 2).all()  # support 2 * 10/9 pixels wide, yet two pixel centres inside
    for n_in in range(4, 40):
        for n_out in range(1, n_in):
            count = taps(n_in, n_out)
            assert count.max() <= 2 * n_in / n_out + 1, (n_in, n_out)
            if 2 * n_in >= 3 * n_out:  # shrunk by 1.5 or more: every pixel away from the border reads more than 2
                assert (count[1:-1] > 2).all(), (n_in, n_out)


def test_glossary_antialiased_bicubic_is_stretched_but_can_read_only_four_pixels():
    def taps(n_in, n_out):
        one_hot = torch.eye(n_in).view(n_in, 1, 1, n_in)
        weights = F.interpolate(one_hot, size=(1, n_out), mode="bicubic", antialias=True)[:, 0, 0, :]
        return (weights != 0).sum(dim=0)

    assert (taps(10, 9) <= 4).all()  # support 4 * 10/9 pixels wide, yet at most four pixel centres inside
    assert (taps(30, 10)[2:-2] > 4).all()  # shrunk by 3: wider than 4x4


@pytest.mark.parametrize("mode, taps", [("bilinear", 1), ("bicubic", 2)])
def test_glossary_antialias_with_align_corners_true_to_one_pixel_is_not_stretched(mode, taps):
    # Review 13: "stretched by the factor" fails here: torch takes the scale 0 and reads the first pixel(s) only.
    for n_in in range(2, 40):
        one_hot = torch.eye(n_in).view(n_in, 1, 1, n_in)
        weights = F.interpolate(one_hot, size=(1, 1), mode=mode, antialias=True, align_corners=True)[:, 0, 0, 0]
        assert (weights != 0).sum() == taps and (weights[:taps] != 0).all(), (n_in, weights)


def test_uint8_area_to_one_pixel_per_axis_is_a_runtime_error_other_sizes_not_implemented():
    # Review 8: the list of RuntimeError cases missed `area` on uint8 shrunk to one pixel per axis,
    # where adaptive average pooling becomes a mean, which rejects integer input.
    for rank in (3, 4, 5):
        x = torch.randint(0, 255, (2, 3) + (4,) * (rank - 2), dtype=torch.uint8)
        for side in (1, 2, 3):
            expected = RuntimeError if side == 1 else NotImplementedError
            with pytest.raises(expected) as caught:
                F.interpolate(x, size=(side,) * (rank - 2), mode="area")
            assert type(caught.value) is expected, (rank, side)


def test_align_corners_true_to_one_pixel_wide_is_the_first_column_except_under_the_width_one_bug():
    # Review 14: "bilinear returns the first input pixel" on an axis of one output pixel; the
    # one-pixel-wide CPU bug breaks it when the height changes (6x5 -> 3x1), not when it is kept.
    x = torch.arange(30.0).view(1, 1, 6, 5)
    for h_out in (3, 6):
        out = F.interpolate(x, size=(h_out, 1), mode="bilinear", antialias=True, align_corners=True)
        first_column = F.interpolate(
            x[..., :1].transpose(-1, -2), size=(1, h_out), mode="bilinear", antialias=True, align_corners=True
        )
        first_column = first_column.transpose(-1, -2)
        assert torch.equal(out, first_column) == (h_out == 6), h_out
        assert (out == out[..., :1, :]).all() == (h_out == 3)


@pytest.mark.parametrize("dtype", [torch.uint8, torch.int64, torch.bool])
def test_integer_area_to_an_empty_side_returns_an_empty_tensor_on_3d_and_4d_only(dtype):
    # Review 14: "other sizes of such input are a NotImplementedError" missed an output side of 0.
    for rank in (3, 4, 5):
        x = torch.ones((2, 3) + (4,) * (rank - 2), dtype=dtype)
        for size in [(0,) * (rank - 2), (0,) + (2,) * (rank - 3)]:
            if rank < 5:
                assert F.interpolate(x, size=size, mode="area").shape == (2, 3, *size)
            else:
                with pytest.raises(NotImplementedError):
                    F.interpolate(x, size=size, mode="area")


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="AVX2 uint8 code")
def test_glossary_align_corners_true_to_1x1_raises_for_contiguous_3_channel_uint8():
    # Review 8: the glossary said such an axis takes the first input pixel; this shape raises instead.
    for mode in ("bilinear", "bicubic"):
        for h_in, w_in in ((2, 1), (4, 4), (3, 7)):
            x = torch.randint(0, 255, (1, 3, h_in, w_in), dtype=torch.uint8)
            with pytest.raises(RuntimeError):
                F.interpolate(x, size=(1, 1), mode=mode, align_corners=True)
            for other in (x.contiguous(memory_format=torch.channels_last), x[:, :, :1]):
                y = F.interpolate(other, size=(1, 1), mode=mode, align_corners=True)
                assert torch.equal(y[..., 0, 0], x[..., 0, 0]), (mode, h_in, w_in)


@pytest.mark.parametrize("mode,taps_at_1", [("bilinear", 2), ("bicubic", 4)])
def test_glossary_antialias_near_a_factor_of_1_does_not_always_read_only_the_plain_taps(mode, taps_at_1):
    # Review 9: "near a factor of 1 it still reads only 2 (4)" fails at 100 -> 98, nearer 1 than 10 -> 9.
    def taps(n_in, n_out):
        one_hot = torch.eye(n_in, dtype=torch.float64).view(n_in, 1, 1, n_in)
        weights = F.interpolate(one_hot, size=(1, n_out), mode=mode, antialias=True)[:, 0, 0, :]
        return (weights != 0).sum(dim=0)

    assert (taps(10, 9) <= taps_at_1).all()
    wide = taps(100, 98)
    assert int((wide > taps_at_1).sum()) == taps_at_1, wide  # two outputs read 3, four read 5
    assert all((taps(n, n - 1) <= taps_at_1).all() for n in range(3, 60))  # one pixel less: the plain taps


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_glossary_antialias_with_align_corners_true_is_not_the_half_pixel_grid(mode):
    # Review 9: "antialias=True keeps half-pixel centres" read as "ignores align_corners"; True changes the scale.
    row = torch.arange(10.0, dtype=torch.float64).view(1, 1, 1, 10).repeat(1, 1, 3, 1)
    for out in (3, 4, 7, 25):
        half = F.interpolate(row, size=(3, out), mode=mode, antialias=True, align_corners=False)[0, 0, 1]
        corners = F.interpolate(row, size=(3, out), mode=mode, antialias=True, align_corners=True)[0, 0, 1]
        assert (half - corners).abs().max() > 0.01, (mode, out)
        assert abs(corners[-1] - 9) > 1e-3, (mode, out)  # the last corner does not line up
    got = F.interpolate(row, size=(3, 4), mode="bilinear", antialias=True, align_corners=True)[0, 0, 1]
    torch.testing.assert_close(got, torch.tensor([1.25, 4, 7, 26 / 3], dtype=torch.float64))


def test_glossary_align_corners_true_one_pixel_axis_antialiased_bicubic_reads_two_pixels():
    # Review 11: "an axis of one output pixel takes the first input pixel" fails for antialiased bicubic,
    # whose scale 0 leaves Pillow's cubic (a = -0.5) weights 0.5625 and -0.0625 on the first two pixels.
    torch.manual_seed(0)
    for h_in in range(2, 12):
        for dtype in (torch.float32, torch.float64):
            x = torch.randn(1, 2, h_in, 5, dtype=dtype)
            for mode in ("bilinear", "bicubic"):
                out = F.interpolate(x, size=(1, 5), mode=mode, align_corners=True, antialias=True)[..., 0, :]
                first = x[..., 0, :]
                if mode == "bilinear":
                    assert torch.allclose(out, first, atol=1e-6), (h_in, dtype)
                else:
                    torch.testing.assert_close(out, 1.125 * first - 0.125 * x[..., 1, :])
                    assert (out - first).abs().max() > 0.01, (h_in, dtype)


def test_glossary_align_corners_true_one_pixel_wide_antialiased_float_hits_the_width_one_bug():
    # Review 11: the glossary's exception named only uint8; a contiguous float input with antialias=True and an
    # output one pixel wide whose height changes repeats the first row too, while channels_last (2+ channels) is right.
    torch.manual_seed(0)
    for dtype in (torch.float32, torch.float64):
        for h_in, w_in, h_out in ((6, 5, 3), (3, 4, 7), (5, 1, 9)):
            x = torch.randn(1, 3, h_in, w_in, dtype=dtype)
            good = F.interpolate(
                x.contiguous(memory_format=torch.channels_last),
                size=(h_out, 1),
                mode="bilinear",
                align_corners=True,
                antialias=True,
            )
            bad = F.interpolate(x, size=(h_out, 1), mode="bilinear", align_corners=True, antialias=True)
            assert (bad == bad[..., :1, :]).all() and (good - good[..., :1, :]).abs().max() > 0.01, (dtype, h_in)
            column = x[..., :1].transpose(-1, -2)  # the first input column, its height resampled as a width
            first = F.interpolate(column, size=(1, h_out), mode="bilinear", align_corners=True, antialias=True)
            torch.testing.assert_close(good, first.transpose(-1, -2))  # the width axis takes the first pixel


def test_glossary_nearest_exact_given_a_scale_factor_is_closest_on_its_grid_not_to_the_centre():
    # Review 11: "the closest" for nearest-exact holds on the 1/scale_factor grid: 5 pixels x 0.3 -> 1 copies pixel 1,
    # while the output pixel's centre, by the sizes, lies on pixel 2 (size=1 copies it).
    row = torch.arange(5.0).view(1, 1, 5)
    assert F.interpolate(row, scale_factor=0.3, mode="nearest-exact").item() == 1.0
    assert F.interpolate(row, size=1, mode="nearest-exact").item() == 2.0
    for n in range(1, 30):
        for factor in (0.3, 0.45, 0.7, 1.3, 2.1):
            if int(n * factor) == 0:
                continue  # no output pixel: an error
            x = torch.arange(float(n)).view(1, 1, n)
            got = F.interpolate(x, scale_factor=factor, mode="nearest-exact").flatten()
            d = torch.arange(got.numel(), dtype=torch.float64)
            closest = torch.floor((d + 0.5) / factor).clamp(max=n - 1)  # nearest to (d + 0.5)/factor - 0.5
            assert torch.equal(got.double(), closest), (n, factor)


def test_glossary_align_corners_true_one_pixel_axis_antialiased_bicubic_uint8_is_clamped():
    # Review 12: on uint8 the two-pixel formula 1.125 * first - 0.125 * second is clamped to 0..255 and rounded
    # (to within one level); unclamped it would be off by up to 32 levels where the second pixel is much brighter.
    torch.manual_seed(0)
    for channels in (1, 3, 4, 5):
        for h_in in (2, 3, 7):
            x = torch.randint(0, 256, (1, channels, h_in, 64), dtype=torch.uint8)
            out = F.interpolate(x, size=(1, 64), mode="bicubic", align_corners=True, antialias=True)[..., 0, :]
            formula = 1.125 * x[..., 0, :].double() - 0.125 * x[..., 1, :].double()
            assert (out.double() - formula.clamp(0, 255)).abs().max() <= 1, (channels, h_in)
            assert (out.double() - formula).abs().max() > 8, (channels, h_in)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
@pytest.mark.parametrize("mode", ["bilinear", "bicubic", "lanczos"])
def test_cpu_antialias_rejects_half_precision_except_at_the_input_size(dtype, mode):
    # Review 12: "float16 and bfloat16 are rejected by the antialias kernels" read as "every such call raises";
    # at the input's own size (both axes) torch copies the input without running a kernel.
    x = torch.randn(2, 3, 6, 7).to(dtype)
    for size in ((6, 7), (6, 3), (3, 7), (12, 7), (1, 1), (9, 14)):
        if size == (6, 7):
            assert torch.equal(F.interpolate(x, size=size, mode=mode, antialias=True), x)
        else:
            with pytest.raises(NotImplementedError):
                F.interpolate(x, size=size, mode=mode, antialias=True)


def test_the_transpose_workaround_on_uint8_bicubic_parts_from_a_channels_last_copy_by_levels():
    # Review 19: the transposed call resizes the axes in the other order, and uint8 bicubic rounds and
    # clamps between its passes; float input agrees to rounding
    g = torch.Generator().manual_seed(0)
    worst = 0
    for _ in range(200):
        x = torch.randint(0, 256, (1, 3, 6, 2), dtype=torch.uint8, generator=g)
        moved = F.interpolate(x.transpose(-1, -2), size=(1, 4), mode="bicubic").transpose(-1, -2)
        copy = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(4, 1), mode="bicubic")
        worst = max(worst, int((moved.int() - copy.int()).abs().max()))
    assert worst > 5  # "several levels"
    x = torch.rand(1, 3, 6, 2, generator=g)
    moved = F.interpolate(x.transpose(-1, -2), size=(1, 4), mode="bicubic").transpose(-1, -2)
    copy = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(4, 1), mode="bicubic")
    torch.testing.assert_close(moved, copy, atol=1e-6, rtol=0)


def test_the_two_call_workaround_on_uint8_bicubic_parts_from_a_channels_last_copy_by_levels_too():
    # Review 20: two calls (height, then width) also round between the passes, in the other order.
    g = torch.Generator().manual_seed(0)
    worst = 0
    for _ in range(200):
        x = torch.randint(0, 256, (1, 3, 6, 2), dtype=torch.uint8, generator=g)
        two = F.interpolate(F.interpolate(x, size=(4, 2), mode="bicubic"), size=(4, 1), mode="bicubic")
        copy = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(4, 1), mode="bicubic")
        worst = max(worst, int((two.int() - copy.int()).abs().max()))
    assert worst > 5  # "several levels"


def test_the_workarounds_on_uint8_lanczos_part_from_a_channels_last_copy_by_levels_too():
    # Review r102-2: the page named only uint8 bicubic; lanczos, with its negative lobes, also clamps between
    # its passes, so the transposed call and the two calls part from a channels_last copy by several levels.
    g = torch.Generator().manual_seed(0)
    worst_moved = worst_two = 0
    for _ in range(100):
        x = torch.randint(0, 256, (1, 3, 3, 2), dtype=torch.uint8, generator=g)
        copy = F.interpolate(
            x.contiguous(memory_format=torch.channels_last), size=(8, 1), mode="lanczos", antialias=True
        )
        moved = F.interpolate(x.transpose(-1, -2), size=(1, 8), mode="lanczos", antialias=True).transpose(-1, -2)
        two = F.interpolate(
            F.interpolate(x, size=(8, 2), mode="lanczos", antialias=True), size=(8, 1), mode="lanczos", antialias=True
        )
        worst_moved = max(worst_moved, int((moved.int() - copy.int()).abs().max()))
        worst_two = max(worst_two, int((two.int() - copy.int()).abs().max()))
    assert worst_moved > 5 and worst_two > 5, (worst_moved, worst_two)  # "several levels"
    x = torch.rand(1, 3, 3, 2, generator=g)
    moved = F.interpolate(x.transpose(-1, -2), size=(1, 8), mode="lanczos", antialias=True).transpose(-1, -2)
    copy = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(8, 1), mode="lanczos", antialias=True)
    torch.testing.assert_close(moved, copy, atol=1e-6, rtol=0)


@pytest.mark.parametrize("antialias", [False, True])
def test_the_workarounds_on_uint8_bilinear_part_from_a_channels_last_copy_too(antialias):
    # Review r103-2: the page named only uint8 bicubic and lanczos, as if uint8 bilinear agreed; it rounds
    # between its passes as well, so the transposed call and the two calls part from the copy by a level.
    g = torch.Generator().manual_seed(0)
    worst_moved = worst_two = 0
    for _ in range(100):
        x = torch.randint(0, 256, (1, 3, 3, 2), dtype=torch.uint8, generator=g)
        kw = dict(mode="bilinear", antialias=antialias)
        copy = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(8, 1), **kw)
        moved = F.interpolate(x.transpose(-1, -2), size=(1, 8), **kw).transpose(-1, -2)
        two = F.interpolate(F.interpolate(x, size=(8, 2), **kw), size=(8, 1), **kw)
        worst_moved = max(worst_moved, int((moved.int() - copy.int()).abs().max()))
        worst_two = max(worst_two, int((two.int() - copy.int()).abs().max()))
    assert worst_moved > 0 and worst_two > 0, (worst_moved, worst_two)
    assert_pages_say(
        ("interpolate-support.md", "On `uint8` the transposed call runs its two passes in the other order"),
        ("interpolate-support.zh.md", "对 `uint8` 输入，转置后的调用会以相反的顺序做两遍一维缩放"),
    )


def test_float64_long_axis_gap_between_antialias_and_plain_depends_on_the_data():
    # Review 24: "3000 -> 4501 pixels in float64 differ by about 1e-4" held for a ramp, not for random rows
    # (5e-6 .. 1e-4). The page: up to about 1e-4 of the neighbour step; 1.1e-4 on a unit ramp.
    gaps = []
    for seed in range(200):
        x = torch.rand(1, 1, 2, 3000, dtype=torch.float64, generator=torch.Generator().manual_seed(seed))
        plain, aa = (F.interpolate(x, size=(3, 4501), mode="bilinear", antialias=a) for a in (False, True))
        step = x.diff(dim=-1).abs().max().item()
        gaps.append((plain - aa).abs().max().item())
        assert gaps[-1] <= 1.2e-4 * step
    assert min(gaps) < 1e-5 and 5e-5 < max(gaps) < 1.2e-4, (min(gaps), max(gaps))
    ramp = torch.arange(3000, dtype=torch.float64).view(1, 1, 1, -1)
    plain, aa = (F.interpolate(ramp, size=(1, 4501), mode="bilinear", antialias=a) for a in (False, True))
    assert 1.05e-4 < (plain - aa).abs().max().item() < 1.15e-4


@pytest.mark.parametrize("dtype", [torch.uint8, torch.int64, torch.bool])
def test_integer_area_to_one_pixel_per_axis_raises_from_a_one_pixel_input_too(dtype):
    # Review 29: "shrunk to one pixel per axis" missed a 1-pixel input kept at one pixel: the same
    # mean, the same RuntimeError (not the NotImplementedError of the other sizes).
    for rank in (3, 4, 5):
        x = torch.ones((1, 3) + (1,) * (rank - 2), dtype=dtype)
        with pytest.raises(RuntimeError) as caught:
            F.interpolate(x, size=(1,) * (rank - 2), mode="area")
        assert type(caught.value) is RuntimeError, (dtype, rank)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_plain_bilinear_takes_uint8_at_the_input_size_only():
    # Review 29: UpSampleBilinear2d.cu copies an input whose size is kept before its dtype dispatch,
    # so uint8 works there; "only nearest and nearest-exact take uint8" held for resizing only.
    image = torch.randint(0, 256, (1, 3, 8, 6), dtype=torch.uint8, device="cuda")
    assert torch.equal(F.interpolate(image, size=(8, 6), mode="bilinear"), image)
    assert torch.equal(F.interpolate(image, scale_factor=1.0, mode="bilinear"), image)
    for size in ((8, 5), (4, 6), (16, 12)):
        assert not works_on_size(image, size, "bilinear"), size


def works_on_size(x, size, mode, **kwargs):
    try:
        F.interpolate(x, size=size, mode=mode, **kwargs)
        return True
    except (RuntimeError, NotImplementedError):
        return False


def test_uint8_bicubic_workarounds_part_by_more_levels_with_antialias_and_align_corners():
    # Review 38: "13 levels at most" held for plain bicubic; antialias=True with align_corners=True
    # parts by 24 levels on the same 200 images, for the transposed call and for two calls alike.
    worst = {}
    for options in ((False, False), (True, True)):
        kwargs = dict(mode="bicubic", antialias=options[0], align_corners=options[1])
        g = torch.Generator().manual_seed(0)
        moved_worst = two_worst = 0
        for _ in range(200):
            x = torch.randint(0, 256, (1, 3, 6, 2), dtype=torch.uint8, generator=g)
            copy = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(4, 1), **kwargs).int()
            moved = F.interpolate(x.transpose(-1, -2), size=(1, 4), **kwargs).transpose(-1, -2).int()
            two = F.interpolate(F.interpolate(x, size=(4, 2), **kwargs), size=(4, 1), **kwargs).int()
            moved_worst = max(moved_worst, int((moved - copy).abs().max()))
            two_worst = max(two_worst, int((two - copy).abs().max()))
        worst[options] = moved_worst, two_worst
    assert min(worst[True, True]) > max(worst[False, False]) > 5


@pytest.mark.parametrize("channels", [1, 3, 4])
def test_the_transpose_workaround_on_uint8_one_pixel_high_is_right_with_align_corners_true(channels):
    # Review 39: "the AVX2 uint8 code then reads values from outside the image" held with align_corners=False;
    # with True, bilinear and plain bicubic shrink the transposed height to one pixel by reading row 0 alone,
    # while antialiased bicubic reads two rows (1.125 x0 - 0.125 x1) and still goes wrong in the AVX2 code.
    avx2_code = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512")
    for mode, antialias in (("bilinear", False), ("bilinear", True), ("bicubic", False), ("bicubic", True)):
        gaps = []
        for w, h_out in ((2, 3), (5, 2), (5, 6)):
            memory = torch.full((4096,), 200, dtype=torch.uint8)
            memory[: channels * w] = torch.arange(channels * w) % 50
            x = memory[: channels * w].view(1, channels, 1, w)
            kwargs = dict(mode=mode, antialias=antialias, align_corners=True)
            right = F.interpolate(x.double(), size=(1, 1), **kwargs).round().clamp(0, 255)
            transposed = F.interpolate(x.transpose(-1, -2), size=(1, h_out), **kwargs).transpose(-1, -2)
            gaps.append((transposed.double() - right).abs().max().item())
        if mode == "bicubic" and antialias and avx2_code and channels > 1:
            assert max(gaps) > 1, gaps
        else:
            assert max(gaps) == 0, (mode, antialias, gaps)


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="AVX2 uint8 code")
def test_align_corners_true_to_one_pixel_bilinear_does_not_always_return_the_first_pixel():
    # Review 43: "with align_corners=True ... an output of one pixel ... bilinear returns the first input
    # pixel, except under the width-one bug" dropped the contiguous 3-channel uint8 image, which raises at 1x1.
    for h_in, w_in in ((2, 2), (6, 5), (9, 1)):
        x = torch.randint(0, 256, (1, 3, h_in, w_in), dtype=torch.uint8, generator=torch.Generator().manual_seed(h_in))
        for antialias in (False, True):
            with pytest.raises(RuntimeError):
                F.interpolate(x, size=(1, 1), mode="bilinear", align_corners=True, antialias=antialias)


def test_arm_builds_compile_their_own_uint8_kernel_so_the_page_claims_the_generic_one_only_for_default():
    # Review 43: the page said "Elsewhere (an ARM CPU, or ATEN_CPU_CAPABILITY=default) the generic kernel
    # resizes the same image" and "on another CPU uint8 repeats the first row"; ARM builds have a NEON uint8
    # kernel of their own (3-channel channels_last), which nothing here runs. The tests run only `default`.
    import pathlib

    neon = pathlib.Path(torch.__file__).parent / "include/ATen/native/cpu/UpSampleKernelNEONAntialias.h"
    assert "num_channels == 3 with channels-last" in neon.read_text(encoding="utf-8")
    docs = pathlib.Path(__file__).resolve().parents[2] / "docs"
    for page in ("interpolate-support.md", "interpolate-support.zh.md"):
        text = docs.joinpath(page).read_text(encoding="utf-8")
        assert "ARM" not in text and "another CPU" not in text and "换一种 CPU" not in text, page


def test_uint8_bicubic_workaround_gaps_are_not_13_and_24_levels_at_most():
    # Review 48: the page quoted "13 levels at most over 200 random 3-channel 6x2 -> 4x1 images" (24 with
    # antialias=True and align_corners=True) from one seed; other sets of 200 images give 11..15 and 19..27,
    # and 3000 images give 15 and 27. The page now says "several levels", without a number.
    import pathlib

    x = torch.randint(0, 256, (3000, 3, 6, 2), dtype=torch.uint8, generator=torch.Generator().manual_seed(1))
    for options, old_bound in (((False, False), 13), ((True, True), 24)):
        kwargs = dict(mode="bicubic", antialias=options[0], align_corners=options[1])
        copy = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(4, 1), **kwargs).int()
        moved = F.interpolate(x.transpose(-1, -2), size=(1, 4), **kwargs).transpose(-1, -2).int()
        two = F.interpolate(F.interpolate(x, size=(4, 2), **kwargs), size=(4, 1), **kwargs).int()
        for workaround in (moved, two):
            assert (workaround - copy).abs().max() > old_bound, options
    docs = pathlib.Path(__file__).resolve().parents[2] / "docs"
    for page in ("interpolate-support.md", "interpolate-support.zh.md"):
        text = docs.joinpath(page).read_text(encoding="utf-8")
        assert "13 at most" not in text and "13 levels" not in text and "最多差 13" not in text, page


def test_shown_comments_say_which_sizes_the_enlarging_table_tried_and_keep_the_cuda_uint8_copy():
    # Review 48: the antialias_enlarging cell's comment said "every input size 1..12 and output size 13..40";
    # its loop tries output heights 13, 16, ..., 40 only (widths one and two more). The uint8_one_pixel comment
    # said "CUDA has no uint8 bilinear"; CUDA's plain bilinear accepts uint8 at the input's own size, where it
    # copies (test_cuda_plain_bilinear_takes_uint8_at_the_input_size_only); it resizes none.
    # Review 80: its replacement, "CUDA's bilinear resizes no uint8 image", held by default only: under
    # torch.use_deterministic_algorithms(True) bilinear off the CPU is a decomposition that resizes uint8
    # (test_deterministic_bilinear_off_the_cpu_is_a_decomposition_that_takes_uint8); the comment now leaves CUDA out.
    import pathlib

    source = (pathlib.Path(__file__).resolve().parents[2] / "examples" / "interpolate_support.py").read_text(
        encoding="utf-8"
    )
    enlarging = source.split("# %% antialias_enlarging")[1].split("# %%")[0]
    loop = re.search(r"range\(1, 13\), range\(13, 41, (\d+)\)", enlarging)
    assert loop and int(loop.group(1)) > 1  # not every output size ...
    assert "output size 13..40" not in enlarging and "13, 16, ..., 40" in enlarging  # ... and the comment says so
    one_pixel = source.split("# %% uint8_one_pixel")[1].split("# %%")[0]
    assert "CUDA has no uint8 bilinear" not in source and "CUDA" not in one_pixel


def test_probing_code_needs_more_than_three_exception_types_where_python_computes_the_size():
    # Review 48: the page listed ValueError, NotImplementedError and RuntimeError as what a probe has to catch
    # "once sizes and dtypes vary"; where Python computes the size (area, recompute_scale_factor=True), int() of
    # an infinite, nan or too large product raises OverflowError, ValueError or TypeError instead.
    expected = {float("inf"): OverflowError, float("nan"): ValueError, 1e30: TypeError}
    calls = [(3, "area", None), (4, "area", None), (5, "area", None), (3, "linear", True), (4, "nearest", True)]
    calls += [(4, "bilinear", True), (4, "bicubic", True), (5, "trilinear", True), (4, "nearest-exact", True)]
    for rank, mode, recompute in calls:
        x = torch.rand((1, 2) + (4,) * (rank - 2))
        for scale, error in expected.items():
            with pytest.raises(error) as caught:
                F.interpolate(x, scale_factor=scale, mode=mode, recompute_scale_factor=recompute)
            assert not isinstance(caught.value, RuntimeError), (rank, mode, scale)
    for scale in expected:  # computed in C++ instead, the size overflow is a RuntimeError
        with pytest.raises(RuntimeError):
            F.interpolate(torch.rand(1, 2, 4, 4), scale_factor=scale, mode="nearest")
    # (Under torch.jit.trace the size is a float32 tensor product and nan raises a TypeError, hence "in eager mode"
    # on the page; not run here: a failed trace can leave the tracer broken for later traces in the process.)


def test_a_side_of_zero_pixels_changes_the_type_the_first_failing_axis_decides():
    # Review 64: "inf, nan or 1e30 raise OverflowError, ValueError and TypeError" held only where every side has
    # pixels. Python multiplies axis by axis: a side of 0 gives 0 * inf = nan (ValueError) if it comes before any
    # side with pixels, and 1e30 on sides that are all 0 gives size 0, the RuntimeError of an empty input.
    def expected(scale, sides):
        if scale != scale:
            return ValueError
        if scale == float("inf"):  # the first axis always fails: inf, or nan where it has no pixels
            return OverflowError if sides[0] else ValueError
        return TypeError if any(sides) else RuntimeError

    import pathlib

    docs = pathlib.Path(__file__).resolve().parents[2] / "docs"
    en = " ".join((docs / "interpolate-support.md").read_text(encoding="utf-8").split())
    zh = (docs / "interpolate-support.zh.md").read_text(encoding="utf-8")
    assert "1×2×0×4: `ValueError`, 1×2×4×0: `OverflowError`" in en and "1×2×0×4 抛出 `ValueError`" in zh
    seen = set()
    for rank in (3, 4, 5):
        for sides in itertools.product((0, 3), repeat=rank - 2):
            for mode, recompute in (
                ("area", None),
                ("nearest", True),
                ("bilinear" if rank == 4 else "linear" if rank == 3 else "trilinear", True),
            ):
                for scale in (float("inf"), float("nan"), 1e30):
                    with pytest.raises(Exception) as caught:
                        F.interpolate(
                            torch.rand((1, 2) + sides), scale_factor=scale, mode=mode, recompute_scale_factor=recompute
                        )
                    assert type(caught.value) is expected(scale, list(sides)), (rank, sides, mode, scale, caught.value)
                    seen.add((scale if scale == scale else "nan", type(caught.value)))
    assert (float("inf"), ValueError) in seen and (1e30, RuntimeError) in seen


@pytest.mark.parametrize("dtype", [torch.uint8, torch.int64, torch.bool])
def test_integer_area_to_other_sizes_is_not_implemented_only_where_the_input_has_elements(dtype):
    # Review 50: "other sizes of such input in area are a NotImplementedError" missed inputs without elements:
    # a batch of 0 or no channels gives an empty tensor on 3-D and 4-D input (5-D without channels is a
    # RuntimeError of adaptive_avg_pool3d).
    for rank in (3, 4, 5):
        size = (2,) * (rank - 2)
        for batch, channels in ((1, 2), (0, 2), (2, 0)):
            x = torch.ones((batch, channels) + (4,) * (rank - 2)).to(dtype)
            if batch and channels or rank == 5 and batch == 0:
                with pytest.raises(NotImplementedError):
                    F.interpolate(x, size=size, mode="area")
            elif rank == 5:
                with pytest.raises(RuntimeError, match="non-zero size"):
                    F.interpolate(x, size=size, mode="area")
            else:
                assert F.interpolate(x, size=size, mode="area").shape == (batch, channels, *size), (rank, batch)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
@pytest.mark.parametrize("factor", [(1.05, 0.5), (1.05, 1.05)])
def test_cuda_antialias_steps_by_one_over_the_factor_on_an_axis_that_keeps_its_size(factor):
    # Review 61: the CPU's separable kernel copies a kept axis; upsample_gen2d_aa_out_cuda_template has no such case
    # and takes 1/scale_factor, even where every axis keeps its size. Row 9 of a 10-row ramp sits at 9.5/1.05 - 0.5.
    ramp = torch.arange(10.0).view(1, 1, 10, 1).expand(1, 1, 10, 10).contiguous()
    for mode in ("bilinear", "bicubic"):
        cpu = F.interpolate(ramp, scale_factor=factor, mode=mode, antialias=True)
        assert cpu.shape[-2] == 10 and (cpu[0, 0, 9] - 9).abs().max() < 1e-5
        cuda = F.interpolate(ramp.cuda(), scale_factor=factor, mode=mode, antialias=True).cpu()
        assert cuda.shape == cpu.shape
        assert (cuda[0, 0, 9] - 9).abs().min() > 0.1
    center = 9.5 / 1.05
    left = 1 - (center - 8.5)  # the triangle's weights on pixels 8 and 9; pixel 10 is outside
    right = 1 - (9.5 - center)
    expected = (8 * left + 9 * right) / (left + right)
    cuda = F.interpolate(ramp.cuda(), scale_factor=factor, mode="bilinear", antialias=True).cpu()
    assert torch.allclose(cuda[0, 0, 9], torch.full((cuda.shape[-1],), expected), atol=1e-4)


def test_deterministic_bilinear_off_the_cpu_is_a_decomposition_that_takes_uint8(monkeypatch):
    # Review 65: "only nearest and nearest-exact resize uint8 on a GPU" held for the default setting only. With
    # torch.use_deterministic_algorithms(True) F.interpolate sends plain bilinear and trilinear on any device but the
    # CPU to _upsample_linear_vec, Python code that takes uint8 and rounds once, at the end.
    import torch._decomp.decompositions as decompositions

    original = decompositions._upsample_linear_vec
    routed = []
    monkeypatch.setattr(decompositions, "_upsample_linear_vec", lambda *a: routed.append(a[0].dim()) or original(*a))
    monkeypatch.setattr(torch, "are_deterministic_algorithms_enabled", lambda: True)
    for rank, mode in ((4, "bilinear"), (5, "trilinear")):
        meta = torch.empty((1, 3) + (6,) * (rank - 2), dtype=torch.uint8, device="meta")
        assert F.interpolate(meta, size=(9,) * (rank - 2), mode=mode).dtype == torch.uint8
        F.interpolate(torch.rand((1, 3) + (6,) * (rank - 2)), size=(9,) * (rank - 2), mode=mode)  # the CPU: a kernel
    assert routed == [4, 5]
    generator = torch.Generator().manual_seed(0)
    worst_level, parted = 0.0, 0
    for h, w, out_h, out_w, align in itertools.product(range(1, 5), range(1, 5), (1, 4, 9), (1, 3, 8), (False, True)):
        x = torch.randint(0, 256, (1, 3, h, w), dtype=torch.uint8, generator=generator)
        y = original(x, [out_h, out_w], align, None)
        assert y.dtype == torch.uint8
        exact = F.interpolate(x.double(), size=(out_h, out_w), mode="bilinear", align_corners=align)
        worst_level = max(worst_level, (y.double() - exact).abs().max().item())
        cpu = F.interpolate(
            x.contiguous(memory_format=torch.channels_last), size=(out_h, out_w), mode="bilinear", align_corners=align
        )
        parted = max(parted, (cpu.int() - y.int()).abs().max().item())
    assert worst_level < 0.5 + 1e-6 and parted == 1
    import pathlib

    docs = pathlib.Path(__file__).resolve().parents[2] / "docs"
    en = " ".join((docs / "interpolate-support.md").read_text(encoding="utf-8").split())
    zh = (docs / "interpolate-support.zh.md").read_text(encoding="utf-8")
    assert "resize `uint8` on a GPU by default" in en and "which takes `uint8` and rounds once, at the end" in en
    assert "默认设置下，四维输入的各模式中" in zh and "它接受 `uint8`，只在最后舍入一次" in zh


@pytest.mark.parametrize("antialias", [False, True])
def test_uint8_width_one_comment_names_its_contiguous_images_not_the_generic_kernel_in_any_layout(antialias):
    # Review 107: the width_one comment said the generic separable kernel (more than 4 uint8 channels) "repeats the
    # first row", with no layout; a channels_last copy of the cell's 5-channel image runs that kernel and is right.
    tall = torch.arange(30, dtype=torch.uint8).view(1, 1, 6, 5).repeat(1, 5, 1, 1)
    kwargs = dict(size=(3, 1), mode="bilinear", antialias=antialias)
    contiguous = F.interpolate(tall, **kwargs)[0, 0, :, 0]
    assert (contiguous == contiguous[0]).all()
    copy = F.interpolate(tall.clone(memory_format=torch.channels_last), **kwargs)[0, 0, :, 0]
    two_passes = F.interpolate(F.interpolate(tall.float(), size=(3, 5), mode="bilinear", antialias=antialias), **kwargs)
    assert len(set(copy.tolist())) == 3 and (copy.float() - two_passes[0, 0, :, 0]).abs().max() <= 1
    source = (ROOT / "examples" / "interpolate_support.py").read_text(encoding="utf-8")
    assert "with or without antialias, repeats the first row\n# of these contiguous images." in source


@pytest.mark.parametrize("capability", ["default", "avx2"])
def test_width_one_workaround_comment_names_float_images_as_the_transpose_misreads_uint8_one_pixel_high(capability):
    # Review 108: the width_one comment offered the transpose as a workaround "for any channel count"; the prose
    # excludes a uint8 input one pixel high, whose transpose the AVX2 uint8 code (up to 4 channels) misreads. On
    # float images the transpose matches a 2-channel channels_last copy (which escapes the bug) at every shape tried.
    code = """
import torch, torch.nn.functional as F
g = torch.Generator().manual_seed(0)
float_ok = True
for dtype, ch, h, w, oh, mode in __import__("itertools").product(
        (torch.float32, torch.float64), (1, 3, 5), (1, 2, 6), (1, 5), (2, 3), ("bilinear", "bicubic")):
    x = torch.rand(1, ch, h, w, dtype=dtype, generator=g)
    transposed = F.interpolate(x.transpose(-1, -2), size=(1, oh), mode=mode, antialias=True).transpose(-1, -2)
    copy = torch.cat([x, x], 1).clone(memory_format=torch.channels_last)
    float_ok &= torch.allclose(transposed, F.interpolate(copy, size=(oh, 1), mode=mode, antialias=True)[:, :ch])
memory = torch.full((4096,), 200, dtype=torch.uint8)  # what lies past the image, read by the AVX2 code
memory[:15] = torch.arange(15) % 50
x = memory[:15].view(1, 3, 1, 5)
plain = F.interpolate(x, size=(3, 1), mode="bilinear")
transposed = F.interpolate(x.transpose(-1, -2), size=(1, 3), mode="bilinear").transpose(-1, -2)
print(float_ok, torch.equal(plain, transposed))
"""
    assert run_python(code, ATEN_CPU_CAPABILITY=capability).split() == ["True", str(capability == "default")]
    source = (ROOT / "examples" / "interpolate_support.py").read_text(encoding="utf-8")
    # Review 120: 'a float image of any channel count' still offered the two calls for every float image; a
    # float image one pixel wide fails in the first call (test_width_one_workarounds_..._one_pixel_wide_input).
    assert "# Workarounds for this float image: the height first" in source
    assert "any channel count" not in source


def test_docstring_says_the_modes_start_from_the_documented_list_and_shrinking_follows_enlarging(ns):
    # Review r130-2: the example's docstring said 'Nothing here is typed from the documentation: the script
    # asks the installed torch which modes it has, tries every combination once upwards and once downwards'.
    # The script types the seven documented modes (torch only adds to them), and tries shrinking only
    # where enlarging was accepted; on every combination both directions give the same answer, so the
    # tables lose nothing by showing the first.
    import ast

    assert ns["documented"] == DOCUMENTED
    assert ns["candidates"][: len(DOCUMENTED)] == DOCUMENTED
    both_ways_agree = []
    for mode, rank, align, aa in itertools.product(ns["candidates"], (3, 4, 5), (None, False, True), (False, True)):
        answers = []
        for scale in (2.0, 0.5):
            try:
                F.interpolate(
                    torch.rand((1, 2) + (6,) * (rank - 2)),
                    scale_factor=scale,
                    mode=mode,
                    align_corners=align,
                    antialias=aa,
                )
                answers.append(None)
            except Exception as error:  # noqa: BLE001 - any rejection is an answer
                answers.append(f"{type(error).__name__}: {error}")
        both_ways_agree.append(answers[0] == answers[1])
        assert ns["results"][mode, rank, align, aa] == answers[0], (mode, rank, align, aa)
    assert all(both_ways_agree)
    doc = ast.get_docstring(ast.parse((ROOT / "examples" / "interpolate_support.py").read_text("utf-8")))
    doc = " ".join(doc.split())
    assert "Nothing here is typed from the documentation" not in doc
    assert "once upwards and once downwards" not in doc
    assert "No table here is typed from the documentation: the script starts from the seven modes that every" in doc
    assert "tries every combination upwards and, where torch accepts that, downwards" in doc


def test_page_says_shrinking_is_tried_where_enlarging_was_accepted(ns, monkeypatch):
    # Review r130-2: the page said 'Each combination is tried twice, enlarging (6 → 12) and shrinking (6 → 3)';
    # attempt() returns at the first rejection, so a combination rejected on enlarging is tried once. The tables
    # lose nothing by it only because both directions give the same answer on every combination (swept in
    # test_docstring_says_the_modes_start_from_the_documented_list_and_shrinking_follows_enlarging); here the
    # script's own behaviour: a rejected enlarging call stops the attempt before the shrinking call.
    calls = []
    real = F.interpolate

    def spy(x, *args, **kwargs):
        calls.append(kwargs.get("scale_factor"))
        return real(x, *args, **kwargs)

    monkeypatch.setattr(ns["attempt"].__globals__["F"], "interpolate", spy)
    assert ns["attempt"]("nearest", 4, True, False) is not None
    assert calls == [2.0]
    calls.clear()
    assert ns["attempt"]("nearest", 4, None, False) is None
    assert calls == [2.0, 0.5]
    monkeypatch.undo()
    assert_pages_say(
        (
            "interpolate-support.md",
            "Each combination is tried enlarging (6 → 12) and, where torch accepts that, shrinking (6 → 3) (in the"
            " installed torch the two give the same answer on every combination)",
        ),
        (
            "interpolate-support.zh.md",
            "每种组合先试放大（6 → 12），torch 接受了再试缩小（6 → 3）（在当前安装的 torch 中，每种组合两个方向得到的回答都相同）",
        ),
    )


def test_the_pointers_into_the_weights_and_width_one_cells_land_on_the_lines_they_name(run):
    # Review r132-2 (UNTESTED): the page points at printed lines by position: 'The last three lines shrink 7 pixels
    # to 3' (size=3, scale_factor=0.5, then with recompute_scale_factor=True) in the antialias_weights cell, 'the
    # `6x1` lines' (the two calls repeating the first row, the transpose right) and the CPU capability 'printed by
    # the cell' in width_one. No test read those positions.
    lines = run[1].splitlines()
    weights = [i for i, line in enumerate(lines) if " output pixel 1: " in line]
    assert len(weights) == 6 and weights == list(range(weights[0], weights[0] + 6))
    last_three = [lines[i] for i in weights[3:]]
    assert all(line.startswith("bilinear, antialias, 7 px, ") for line in last_three)
    assert not any("7 px" in lines[i] for i in weights[:3])
    assert [line.split(" output pixel")[0].split("7 px, ")[1] for line in last_three] == [
        "size=3",
        "scale_factor=0.5",
        "scale_factor=0.5, recompute_scale_factor=True",
    ]
    assert last_three[0].split(": ")[1] == last_three[2].split(": ")[1] != last_three[1].split(": ")[1]
    narrow = [line for line in lines if line.startswith("6x1 ")]
    assert [line.split(":")[0] for line in narrow] == ["6x1 input, two calls", "6x1 input, transposed"]
    two_calls, transposed = (ast.literal_eval(line.split(": ")[1]) for line in narrow)
    assert len(set(two_calls)) == 1 and len(set(transposed)) == 3
    assert f"CPU capability: {torch.backends.cpu.get_cpu_capability()}" in lines
    assert_pages_say(
        (
            "interpolate-support.md",
            "The last three lines shrink 7 pixels to 3: `size=3` stretches the triangle by 7/3,",
        ),
        ("interpolate-support.md", "where the first call is the failing one (the `6x1` lines)"),
        ("interpolate-support.md", "`AVX2` or `AVX512`, printed by the cell)"),
        ("interpolate-support.zh.md", "最后三行把 7 个像素缩成 3 个"),
        ("interpolate-support.zh.md", "（见 `6x1` 两行）"),
    )


def test_the_cpu_capability_is_printed_by_the_width_one_cell_that_both_pointers_name():
    # Review r133-2 (UNTESTED): two sentences point at the printed CPU capability: 'printed by the cell' (zh
    # 单元格会打印出来) before the width_one cell, and '(printed by the width-one cell above)' (zh 上文宽度为 1 的那个
    # 单元格已打印; until round 135 '(printed above)', vague with the dtypes cell between) in the Dtypes section,
    # before the uint8_one_pixel cell. The r132 test found the line anywhere in the script's output; here it must
    # come from the width_one cell, no other cell may print it, and on both pages the first pointer stands before
    # that cell's embed and the second after it (and before the uint8_one_pixel embed, which prints no capability).
    import contextlib
    import io
    import sys

    from sitegen.cells import parse_script

    script = parse_script(ROOT / "examples" / "interpolate_support.py")
    namespace, outputs = {"__name__": "__main__"}, {}
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        for cell in script.cells:
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile(cell.source, "interpolate_support.py", "exec"), namespace)
            outputs[cell.name] = buffer.getvalue()
    finally:
        sys.path.remove(str(ROOT / "examples"))
    capability = f"CPU capability: {torch.backends.cpu.get_cpu_capability()}"
    assert [name for name, text in outputs.items() if "CPU capability" in text] == ["width_one"]
    assert capability in outputs["width_one"].splitlines()
    for page, by_the_cell, above in (
        (
            "interpolate-support.md",
            "`AVX2` or `AVX512`, printed by the cell)",
            "`AVX2` or `AVX512` (printed by the width-one cell above)",
        ),
        (
            "interpolate-support.zh.md",
            "`AVX2` 或 `AVX512`，单元格会打印出来）",
            "`AVX2` 或 `AVX512` 时（上文宽度为 1 的那个单元格已打印）",
        ),
    ):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        cell = text.index("::: example interpolate_support.py#width_one")
        assert text.count(by_the_cell) == 1 and text.count(above) == 1, page
        assert text.index(by_the_cell) < cell < text.index(above), page
        assert text.index(above) < text.index("::: example interpolate_support.py#uint8_one_pixel"), page
        # no cell embedded between the first pointer and width_one
        assert "::: example" not in text[text.index(by_the_cell) : cell], page


def test_the_next_section_the_table_exception_and_the_next_page_pointers_land_where_they_say():
    # Review r136-2 (UNTESTED): three pointers of this page had no test. (1) In 'Every combination', what antialias
    # computes 'and when it changes the result even though nothing shrinks, is in the next section' (zh 见下一节):
    # the next level-2 section must be the one that reads the weights and holds the enlarging paragraph. (2) 'one
    # exception follows below the table' (zh 表格下面还有一个例外), before the antialias_enlarging table: the
    # width-one section must follow that table and name the exception, and it must be one: bilinear with
    # align_corners=False enlarging a one-pixel-wide column antialiased is not the plain result. (3) 'on the next
    # page, Coordinates and align_corners' (zh 见下一页): the link and mkdocs.yml's nav must agree.
    for page, in_matrix, table_words, exception_words, next_page in (
        (
            "interpolate-support.md",
            "and when it changes the result even though nothing shrinks, is in the next section.",
            "(one exception follows below the table;",
            "One more exception, a bug of the CPU's separable kernel",
            "is on the next page,\n[Coordinates and align_corners](interpolate-coordinates.md).",
        ),
        (
            "interpolate-support.zh.md",
            "它到底算的是什么、为什么不缩小时也可能改变结果，见下一节。",
            "（表格下面还有一个例外；",
            "还有一个例外，是当前 torch 的 CPU 可分离内核的 bug。",
            "见下一页[坐标映射与 align_corners](interpolate-coordinates.md)。",
        ),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        level2 = [m.start() for m in re.finditer(r"^## ", text, flags=re.M)]
        here = text.index(in_matrix)
        start = next(i for i in level2 if i > here)
        section = text[start : next((i for i in level2 if i > start), len(text))]
        assert "::: example interpolate_support.py#antialias_weights" in section, page
        assert "::: example interpolate_support.py#antialias_enlarging" in section, page
        table = text.index("::: example interpolate_support.py#antialias_enlarging")
        assert text.index(table_words) < table < text.index("{#width-one-bug}") < text.index(exception_words), page
        assert next_page in text, page
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    entries = [line.split(":")[-1].strip() for line in nav if line.strip().startswith("- ") and ".md" in line]
    assert entries[entries.index("interpolate-support.md") + 1] == "interpolate-coordinates.md"
    column = torch.arange(3.0, dtype=torch.float64).view(1, 1, 3, 1)
    plain = F.interpolate(column, size=(6, 1), mode="bilinear", align_corners=False)
    antialiased = F.interpolate(column, size=(6, 1), mode="bilinear", align_corners=False, antialias=True)
    assert (antialiased - plain).abs().max() > 1  # enlarging, nothing shrinks, and not the plain result


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.uint8])
def test_a_non_finite_or_huge_factor_sized_in_cpp_and_an_int64_overflowing_output_are_runtime_errors(dtype):
    # Review r136-2 (MISLEADING): the list of what raises a RuntimeError gave every other failing size, and the
    # paragraph after it said what inf, nan and 1e30 raise where Python computes the size (OverflowError, ValueError,
    # TypeError); where C++ computes it, the default of every mode but area, the page said nothing, and an output
    # whose element count overflows int64 was missing too. Both are a RuntimeError itself (not a subclass), in
    # every mode, rank and dtype, on empty input as well; the list now names them.
    calls = {
        3: [("nearest", {}), ("nearest-exact", {}), ("linear", {}), ("area", {})],
        4: [("nearest", {}), ("nearest-exact", {}), ("bilinear", {}), ("bicubic", {}), ("area", {})]
        + [("bilinear", {"antialias": True}), ("bicubic", {"antialias": True}), ("lanczos", {"antialias": True})],
        5: [("nearest", {}), ("nearest-exact", {}), ("trilinear", {}), ("area", {})],
    }
    overflowing = {3: (2**62,), 4: (10**10, 10**10), 5: (2**21,) * 3}
    for rank, modes in calls.items():
        shapes = [(1, 2) + (4,) * (rank - 2), (1, 2) + (4,) * (rank - 3) + (0,), (0, 2) + (4,) * (rank - 2)]
        for (mode, kwargs), shape in itertools.product(modes, shapes):
            x = torch.zeros(shape, dtype=dtype)
            for scale in (float("inf"), float("nan"), 1e30):
                if mode == "area":
                    continue  # Python computes the size: the page's next paragraph
                with pytest.raises(RuntimeError) as caught:
                    F.interpolate(x, scale_factor=scale, mode=mode, **kwargs)
                assert type(caught.value) is RuntimeError, (rank, mode, shape, scale)
            if shape[0]:
                with pytest.raises(RuntimeError) as caught:
                    F.interpolate(x, size=overflowing[rank], mode=mode, **kwargs)
                assert type(caught.value) is RuntimeError, (rank, mode, shape)
    assert_pages_say(
        ("interpolate-support.md", "a scale factor of inf, nan or 1e30 where C++ computes the size (in every mode but"),
        ("interpolate-support.md", "an output whose element count does not fit in an int64 (`size=(10**10, 10**10)`)"),
        ("interpolate-support.zh.md", "由 C++ 计算尺寸时（除 `area` 外的每种模式，且没有设置"),
        ("interpolate-support.zh.md", "输出的元素个数放不进 int64（`size=(10**10, 10**10)`），每种模式都如此"),
    )


@pytest.mark.parametrize("dtype", [torch.float32, torch.uint8])
def test_a_size_outside_the_int64_range_is_a_type_error_not_a_runtime_error(dtype):
    # Review r137-2 (WRONG): the list of what raises a RuntimeError had "a negative output size, in every mode" and
    # "an output whose element count does not fit in an int64 (size=(10**10, 10**10)), in every mode"; a side that
    # does not fit in an int64 itself, 2**63 or more (size=(10**19, 1), whose element count does not fit either) or
    # below -2**63, is a TypeError, in every mode and rank: torch cannot unpack it as an int64. Within the range a
    # negative side, -2**63 included, and an overflowing element count stay a RuntimeError.
    calls = {
        3: [("nearest", {}), ("nearest-exact", {}), ("linear", {}), ("area", {})],
        4: [("nearest", {}), ("nearest-exact", {}), ("bilinear", {}), ("bicubic", {}), ("area", {})]
        + [("bilinear", {"antialias": True}), ("bicubic", {"antialias": True}), ("lanczos", {"antialias": True})],
        5: [("nearest", {}), ("nearest-exact", {}), ("trilinear", {}), ("area", {})],
    }
    for rank, modes in calls.items():
        x = torch.zeros((1, 2) + (3,) * (rank - 2), dtype=dtype)
        for (mode, kwargs), side in itertools.product(modes, (2**63, 10**19, -(2**63) - 1, -(10**19))):
            for position in range(rank - 2):
                size = [3] * (rank - 2)
                size[position] = side
                with pytest.raises(TypeError):
                    F.interpolate(x, size=tuple(size), mode=mode, **kwargs)
        for (mode, kwargs), side in itertools.product(modes, (-1, -(2**63), 2**63 - 1)):
            with pytest.raises(RuntimeError) as caught:
                F.interpolate(x, size=(side,) + (3,) * (rank - 3), mode=mode, **kwargs)
            assert type(caught.value) is RuntimeError, (rank, mode, side)
    assert_pages_say(
        ("interpolate-support.md", "a negative output size that fits in an int64, in every mode;"),
        (
            "interpolate-support.md",
            "in every mode, while each side fits in one: a `size` with a side outside the int64 range",
        ),
        ("interpolate-support.md", "(`size=(10**19, 1)`, or a negative side below −2**63) is a `TypeError`"),
        ("interpolate-support.zh.md", "输出尺寸为负数（且在 int64 范围内），每种模式都如此；"),
        (
            "interpolate-support.zh.md",
            "前提是每一边本身都在 int64 范围内：`size` 中某一边超出 int64 的范围时（`size=(10**19, 1)`",
        ),
        ("interpolate-support.zh.md", "抛出的是 `TypeError`，因为 torch 根本无法把它当作 int64 接收"),
    )


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_a_single_channel_view_is_copied_to_new_strides_by_channels_last_and_still_hit(mode):
    # Review r138-2: the page said ".contiguous(memory_format=torch.channels_last) returns it with the same strides" of
    # every single-channel tensor; a view that is not contiguous, x[..., ::2] or a transposed image, comes back as a
    # copy with new strides (48, 48, 8, 2) -> (24, 1, 4, 1), and that copy repeats the first row as well.
    base = torch.randn(2, 1, 6, 8, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    views = {
        "contiguous": (base, True),
        "contiguous, batch of 1": (base[:1], True),
        "one channel of three": (torch.randn(1, 3, 6, 8, dtype=torch.float64)[:, 1:2], True),
        "strided crop": (base[..., ::2], False),
        "transposed": (base.transpose(-1, -2), False),
        "strided rows": (base[..., ::2, :], False),
    }
    for name, (x, kept) in views.items():
        converted = x.contiguous(memory_format=torch.channels_last)
        assert (converted.stride() == x.stride()) == kept and (converted is x) == kept, name
        h_in = x.shape[-2]
        for h_out in {2, 4, 9} - {h_in}:  # the height changes, both heights at least 2
            out = F.interpolate(converted, size=(h_out, 1), mode=mode, antialias=True)
            right = F.interpolate(x.transpose(-1, -2), size=(1, h_out), mode=mode, antialias=True).transpose(-1, -2)
            assert h_in >= 2 and (out == out[..., :1, :]).all() and not torch.allclose(out, right), (name, h_out)
    assert_pages_say(
        (
            "interpolate-support.md",
            "`.contiguous(memory_format=torch.channels_last)` returns a contiguous one unchanged, with the same strides, "
            "and copies\na view such as `x[..., ::2]` or a transposed image to new strides, which the bug hits just the same.",
        ),
        (
            "interpolate-support.zh.md",
            "对 `x[..., ::2]` 或转置后的图像这类视图，它会复制出一份步长不同的新张量，bug 照样出现。",
        ),
    )
    for page in ("interpolate-support.md", "interpolate-support.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "returns it with the same strides" not in text and "原样返回它，步长不变。" not in text, page


def test_the_width_one_comment_says_only_a_contiguous_single_channel_tensor_is_already_channels_last():
    # Review r138-2: the width_one cell's comment said "A 1-channel tensor is already channels_last-contiguous, so
    # converting it changes nothing"; a strided or transposed 1-channel view is not, and converting copies it.
    gray = torch.arange(60.0).view(1, 1, 6, 10)
    assert gray.is_contiguous(memory_format=torch.channels_last)
    assert gray.contiguous(memory_format=torch.channels_last) is gray
    for view in (gray[..., ::2], gray.transpose(-1, -2)):
        assert not view.is_contiguous(memory_format=torch.channels_last)
        assert view.contiguous(memory_format=torch.channels_last).stride() != view.stride()
    source = (ROOT / "examples" / "interpolate_support.py").read_text(encoding="utf-8")
    assert "# A contiguous 1-channel tensor, like this one, is already channels_last-contiguous" in source
    assert "# A 1-channel tensor is already channels_last-contiguous" not in source


@pytest.mark.parametrize(
    "page, before, target, anchor, said",
    [
        (
            "interpolate-support.md",
            "empty tensor instead ([Output",
            "interpolate-sizes.md",
            "the-output-size-is-rounded-down",
            "returns an empty tensor",
        ),
        (
            "interpolate-support.md",
            "steps by 1/scale_factor there too",
            "interpolate-sizes.md",
            "size-and-scale_factor-sample-different-points",
            "UpSampleBilinear2d.cu",
        ),
        (
            "interpolate-support.md",
            "single precision even for float64,",
            "audio-resampling.md",
            "no-1-d-mode-has-antialias",
            "single precision",
        ),
        (
            "interpolate-support.md",
            "`_upsample_linear_vec`",
            "interpolate-sizes.md",
            "size-and-scale_factor-sample-different-points",
            "use_deterministic_algorithms(True)",
        ),
        (
            "interpolate-support.zh.md",
            "则可能返回一个空张量",
            "interpolate-sizes.zh.md",
            "输出尺寸是向下取整的",
            "空张量",
        ),
        (
            "interpolate-support.zh.md",
            "CUDA 内核在这一维上同样按",
            "interpolate-sizes.zh.md",
            "size-和-scale_factor-的采样点不一样",
            "UpSampleBilinear2d.cu",
        ),
        (
            "interpolate-support.zh.md",
            "也用单精度对每个源位置取整",
            "audio-resampling.zh.md",
            "一维模式都没有-antialias",
            "单精度",
        ),
        (
            "interpolate-support.zh.md",
            "`_upsample_linear_vec`",
            "interpolate-sizes.zh.md",
            "size-和-scale_factor-的采样点不一样",
            "use_deterministic_algorithms(True)",
        ),
    ],
)
def test_the_pointers_to_sizes_and_audio_land_on_the_section_that_states_the_thing(page, before, target, anchor, said):
    # Review r139-2: four pointers of this page ("[Output size pitfalls](interpolate-sizes.md) says where" area returns
    # an empty tensor, the CUDA kernel stepping by 1/scale_factor on a kept axis, the determinism decomposition, and
    # "[Resampling audio](audio-resampling.md)" for the single-precision floor) landed on the top of the page.
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    near = text[text.index(before) - 120 : text.index(before) + 200]
    link = re.search(r"\]\(" + re.escape(target.replace(".zh.md", ".md")) + r"(#[^)]*)?\)", near)
    assert link and link.group(1) == f"#{anchor}", (page, before, link and link.group(0))
    assert said in docs_section(target, anchor), (target, anchor, said)


def test_the_docstring_and_comment_do_not_call_the_seven_modes_all_that_torch_documents():
    # Review r139-2: the docstring said "the script starts from the seven documented modes" and the modes cell's
    # comment "The documented modes, plus any mode that torch's own error ... names"; the installed torch's
    # F.interpolate docstring lists eight (lanczos too). The page said it right: "the seven modes that every recent
    # release documents". Swept here: every mode the installed docstring lists, against the script's seven.
    listed = re.findall(r"``'([a-z-]+)'``", F.interpolate.__doc__.split("mode (str)")[1].split("align_corners")[0])
    assert set(DOCUMENTED) <= set(listed) and "lanczos" in listed and len(set(listed)) == 8, listed
    source = (ROOT / "examples" / "interpolate_support.py").read_text("utf-8")
    doc = docstring_of(source)
    comments = " ".join(line.strip().lstrip("# ") for line in source.splitlines() if line.strip().startswith("#"))
    assert "the seven documented modes" not in doc
    assert "the seven modes that every recent release documents (the installed torch's docstring may list more" in doc
    assert "The documented modes, plus" not in comments
    assert "The seven modes every recent release documents (a newer torch's docstring can list more" in comments
