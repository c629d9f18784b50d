"""The claims of docs/downsample-methods*.md, asserted on the values its example computes."""

import itertools
import math
import re
import warnings

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

from helpers import (
    IMAGE_VIEWS,
    ROOT,
    assert_only_a_channels_last_copy_escapes_the_float_one_pixel_wide_bug,
    assert_pages_say,
    assert_uint8_against_pillow_breaks,
    assert_uint8_one_pixel_wide_bug_above_4_channels_with_avx2,
    docstring_of,
    printed_by,
    run_example,
)


@pytest.fixture(scope="module")
def ns():
    return run_example("downsample_methods.py")


def scores(ns, key, k):
    return {name: ns["measured"][name, k][key] for name in ns["METHODS"] if key in ns["measured"].get((name, k), {})}


def test_box_blur_pool_is_avg_pool_on_even_sizes_only(ns):
    BlurPool = ns["BlurPool"]
    generator = torch.Generator().manual_seed(0)
    for h in range(2, 15):
        for w in (2, 3, 8, 9):
            x = torch.randn(2, 3, h, w, generator=generator, dtype=torch.float64)
            out = BlurPool(filter_size=2)(x)
            assert out.shape[-2:] == (-(-h // 2), -(-w // 2))  # ceil: one more row / column when odd
            torch.testing.assert_close(out[..., : h // 2, : w // 2], F.avg_pool2d(x, 2), atol=1e-12, rtol=0)
    assert ns["MaxBlurPool"](filter_size=5).state_dict() == {}


def test_the_filter_follows_a_floating_dtype_and_an_integer_image_is_refused(ns):
    # Review 57: "follows the input's device and dtype" read for every dtype; taps / 2.0 are float for an
    # integer input, and conv2d refuses float weights on a uint8 or int64 image
    BlurPool = ns["BlurPool"]
    x = torch.arange(36.0).view(1, 1, 6, 6)
    for dtype in (torch.float16, torch.bfloat16, torch.float64, torch.complex64):
        for filter_size in (2, 3, 5):
            assert BlurPool(filter_size=filter_size)(x.to(dtype)).dtype == dtype
    for dtype in (torch.uint8, torch.int64):
        with pytest.raises(RuntimeError, match="expected scalar type"):
            BlurPool(filter_size=3)(x.to(dtype))
    # Review 69: the page put it on conv2d refusing the mix; a uint16, uint32 or uint64 image fails earlier, in the
    # reflect or replicate pad, or in conv2d, which has no kernel for the dtype at all: the page says only that it fails
    for dtype in (
        torch.uint8,
        torch.int8,
        torch.int16,
        torch.int32,
        torch.int64,
        torch.uint16,
        torch.uint32,
        torch.uint64,
    ):
        for padding_mode in ("reflect", "replicate", "zeros", "circular"):
            with pytest.raises((RuntimeError, NotImplementedError)):
                BlurPool(filter_size=3, padding_mode=padding_mode)(x.to(dtype))
    with pytest.raises(NotImplementedError, match="reflection_pad2d"):
        BlurPool(filter_size=3)(x.to(torch.uint16))
    # Review 108: the cell's comment said every integer input "meets float taps"; uint16, uint32 and uint64 fail
    # before that, in the padding (BlurPool) or max pooling (MaxBlurPool); uint8 and the signed ones meet the taps
    for dtype in (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64):
        for module in (BlurPool, ns["MaxBlurPool"]):
            with pytest.raises(RuntimeError, match="but found Float"):
                module(filter_size=3)(x.to(dtype))
    for dtype in (torch.uint16, torch.uint32, torch.uint64):
        with pytest.raises(NotImplementedError, match="max_pool2d"):
            ns["MaxBlurPool"](filter_size=3)(x.to(dtype))
    # Review 71: the comment in the shown cell still put it on conv2d
    for page, words, old in (
        ("docs/downsample-methods.md", "`uint8` gets float taps and fails, so convert it first", "refuses the mix"),
        (
            "docs/downsample-methods.zh.md",
            "`uint8` 这样的整数图像得到的是浮点权重，会报错，要先转换成浮点",
            "不接受两者混用",
        ),
        (
            "examples/downsample_methods.py",
            "an integer input such as uint8 # meets float taps and fails)",
            "refuses the mix",
        ),
    ):
        text = " ".join((ROOT / page).read_text(encoding="utf-8").split())
        assert words in text and old not in text, page
    # Review 61: complex works in BlurPool only; MaxBlurPool's max pooling comes first and refuses it
    for dtype in (torch.float16, torch.bfloat16, torch.float64):
        assert ns["MaxBlurPool"](filter_size=3)(x.to(dtype)).dtype == dtype
    with pytest.raises(RuntimeError, match="max_pool2d"):
        ns["MaxBlurPool"](filter_size=3)(x.to(torch.complex64))
    # Review 64: "complex included" read for every complex dtype and "floating-point dtype" for float8 too; on the CPU
    # the taps' division has no kernel for complex32 or any float8 type, so BlurPool fails there, and MaxBlurPool earlier
    assert BlurPool(filter_size=3)(x.to(torch.complex128)).dtype == torch.complex128
    # Review 74: the list of failures left out bcomplex32 (and the test float8_e8m0fnu): sweep every floating-point
    # and complex dtype this torch has; each one BlurPool cannot scale is a float8 or float4 type or named on the
    # page. Review 76: packed float4 fails too (building the taps, not dividing them), so the page gives no reason;
    # names are matched as whole words ("complex32" is inside "bcomplex32").
    floating = {d for d in vars(torch).values() if isinstance(d, torch.dtype) and (d.is_floating_point or d.is_complex)}
    scalable = {torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64, torch.complex128}
    unscalable = sorted(floating - scalable, key=str)
    assert {torch.complex32, torch.float8_e4m3fn, torch.float4_e2m1fn_x2} <= set(unscalable)
    for dtype in unscalable:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # the 32-bit complex types are "experimental"
            image = torch.empty(x.shape, dtype=dtype)  # empty: no conversion reaches packed float4
        with pytest.raises((NotImplementedError, RuntimeError)):
            BlurPool(filter_size=3)(image)
        with pytest.raises(NotImplementedError, match="max_pool2d"):
            ns["MaxBlurPool"](filter_size=3)(image)
    named = [str(d).removeprefix("torch.") for d in unscalable if "float8" not in str(d) and "float4" not in str(d)]
    for page, words in (
        ("downsample-methods.md", "complex64 and complex128 included"),
        ("downsample-methods.zh.md", "BlurPool 还包括 complex64 和 complex128"),
    ):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert words in text and "float8" in text and "float4" in text, page
        assert all(re.search(rf"(?<![a-z0-9]){name}(?![a-z0-9])", text) for name in named), (page, named)
        assert "no division for them" not in text and "缩放权重所用的除法" not in text, page


def test_every_method_halves_and_only_pixel_unshuffle_changes_channels(ns):
    x = torch.randn(1, 1, 128, 128, device=ns["device"])
    for name in ns["METHODS"]:
        out = ns["modules"][name, 2](x)
        assert tuple(out.shape) == ((1, 4, 64, 64) if name == "PixelUnshuffle(k)" else (1, 1, 64, 64)), name


def test_lanczos_row_only_when_supported(ns):
    assert ("lanczos, antialias" in ns["METHODS"]) == ns["lanczos_works"](ns["device"])


def test_pixel_shuffle_inverts_pixel_unshuffle_exactly(ns):
    assert torch.equal(ns["restored"], ns["x"])
    x = torch.randn(3, 5, 12, 18, generator=torch.Generator().manual_seed(2))
    for r in (2, 3):
        assert torch.equal(nn.PixelShuffle(r)(nn.PixelUnshuffle(r)(x)), x)
        packed = nn.PixelUnshuffle(r)(x)
        for dy in range(r):
            for dx in range(r):  # channel c * r * r + dy * r + dx holds x[c, dy::r, dx::r]
                assert torch.equal(packed[:, dy * r + dx :: r * r], x[..., dy::r, dx::r])


@pytest.mark.parametrize("memory_format", [torch.contiguous_format, torch.channels_last])
def test_pixel_unshuffle_round_trip_is_bit_exact_on_nan_and_signed_zeros_but_not_on_empty_maps_on_the_cpu(
    memory_format,
):
    # Review 58: torch.equal on randn cannot see nan (nan != nan) or the sign of zero; compare the bits
    specials = torch.tensor([math.nan, math.inf, -math.inf, -0.0, 0.0, 1e-45, -3e38])
    picks = torch.randint(0, len(specials), (2, 3, 12, 18), generator=torch.Generator().manual_seed(3))
    for dtype, bits in ((torch.float32, torch.int32), (torch.float16, torch.int16), (torch.bfloat16, torch.int16)):
        x = specials.to(dtype)[picks].contiguous(memory_format=memory_format)
        for r in (2, 3):
            packed = nn.PixelUnshuffle(r)(x)
            assert torch.equal(nn.PixelShuffle(r)(packed).contiguous().view(bits), x.contiguous().view(bits))
            corner = x[..., r - 1 :: r, r - 1 :: r].contiguous().view(bits)
            assert torch.equal(packed[:, r * r - 1 :: r * r].contiguous().view(bits), corner)
    # ... but on the CPU an empty map keeps its shape (pytorch PR #192816), so the round trip breaks
    for shape in ((0, 3, 12, 18), (2, 0, 12, 18), (0, 4, 12, 18)):
        packed = nn.PixelUnshuffle(2)(torch.zeros(shape).contiguous(memory_format=memory_format))
        assert packed.shape == shape
        if shape[1] % 4:
            with pytest.raises(RuntimeError, match="divisible by the square"):
                nn.PixelShuffle(2)(packed)
        else:
            assert nn.PixelShuffle(2)(packed).shape == (shape[0], shape[1] // 4, 24, 36)  # not the input's
    # Review 77: not on every empty map: with no channels, rows or columns the unchanged shape is the right one and
    # the round trip holds; sweep empty maps and find the round trip broken on all the others
    # Review 78: nor at k = 1, where the unchanged shape is always the right one
    for k, n, c, h, w in itertools.product((1, 2, 3, 4), (0, 2), (0, 3, 4, 9, 16), (0, 12), (0, 24)):
        x = torch.empty(n, c, h, w, memory_format=memory_format)
        if x.numel():
            continue
        packed = nn.PixelUnshuffle(k)(x)
        assert packed.shape == x.shape, (k, x.shape)
        try:
            round_trip = nn.PixelShuffle(k)(packed).shape == x.shape
        except RuntimeError:
            round_trip = False
        assert round_trip == (k == 1 or c == h == w == 0), (k, x.shape)
    # Review 116: the sweep's sides were all multiples of k; an empty map with a side k does not divide is refused,
    # as a map with elements is, before the empty case returns anything (1x1x0x3 and 0x1x3x4 at k = 2)
    for k, n, c, h, w in itertools.product((2, 3), (0, 1), (0, 1, 4), (0, 5), (0, 7)):
        x = torch.empty(n, c, h, w, memory_format=memory_format)
        if x.numel() or (h % k == 0 and w % k == 0):
            continue
        with pytest.raises(RuntimeError, match="to be divisible by downscale_factor"):
            nn.PixelUnshuffle(k)(x)
    assert_pages_say(
        (
            "downsample-methods.md",
            "except, on the CPU and with *k* > 1, on a map with no elements whose height and width *k* divides",
        ),
        # Review 102: "not one with no channels, rows or columns" read as any one of them being 0 (2×0×4×4 breaks)
        ("downsample-methods.md", "not one whose channels, rows and columns are all 0, such as 2×0×0×0"),
        ("downsample-methods.zh.md", "例外是 CPU 上 *k* > 1 时没有元素、高和宽都能被 *k* 整除的张量"),
        ("downsample-methods.zh.md", "通道数、高、宽都为 0 的张量不算"),
    )
    assert "not one with no channels, rows or columns" not in (ROOT / "docs" / "downsample-methods.md").read_text(
        "utf-8"
    )


def test_pixel_unshuffle_round_trip_holds_in_every_dtype_the_cpu_takes_and_the_float8_types_are_refused():
    # Review 81: the page called the pair an exact round trip with no word on dtypes; on the CPU both refuse some
    # (the float8 types, complex32, uint16 and more), so it holds only in the dtypes they take: sweep every dtype on
    # random bit patterns (nan and -0.0 among them)
    refused = set()
    generator = torch.Generator().manual_seed(81)
    for dtype in {value for value in vars(torch).values() if isinstance(value, torch.dtype)}:
        if "qint" in str(dtype) or "quint" in str(dtype):  # quantized tensors: outside the site's conventions
            continue
        raw = torch.randint(0, 256, (2, 3, 12, 18 * dtype.itemsize), generator=generator, dtype=torch.uint8)
        x = raw.view(dtype) if dtype != torch.bool else raw < 128
        try:
            packed = nn.PixelUnshuffle(3)(x)
            restored = nn.PixelShuffle(3)(packed)
        except (RuntimeError, TypeError):
            refused.add(dtype)
            continue
        assert restored.view(torch.uint8).equal(x.view(torch.uint8)), dtype
        assert packed[:, 4::9].contiguous().view(torch.uint8).equal(x[..., 1::3, 1::3].contiguous().view(torch.uint8))
    assert {torch.float8_e4m3fn, torch.float8_e5m2} <= refused, refused
    assert not refused & {torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64, torch.uint8}
    assert_pages_say(
        ("downsample-methods.md", "round trip in every dtype they take (on the CPU they refuse some, the float8 types"),
        ("downsample-methods.zh.md", "在 CPU 上有些 dtype 它们不接受，float8 各类型就在其中"),
    )


def test_reference_and_measures_are_calibrated(ns):
    scores = dict(ns["reference_scores"])
    assert scores.pop("linear") is True
    assert all(value < 1e-5 for value in scores.values()), scores
    images, k = ns["images"], 2
    torch.testing.assert_close(ns["reference"](images, k), ns["lowpass"](images, k)[..., ::k, ::k], atol=1e-5, rtol=0)
    assert abs(images.mean().item()) < 1e-5 and images.std().item() == pytest.approx(1, abs=1e-3)


def test_same_operation_under_different_names(ns):
    for (a, b, k), same in ns["identical"].items():
        assert same == (not (b == "bilinear" and k == 4)), (a, b, k)
    x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(3))
    torch.testing.assert_close(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2))
    assert not torch.allclose(F.interpolate(x, scale_factor=0.25, mode="bilinear"), F.avg_pool2d(x, 4))
    assert torch.equal(F.interpolate(x, scale_factor=0.5, mode="nearest"), x[..., ::2, ::2])
    for name in ("error", "passband", "folded", "shift"):
        assert ns["measured"]["Conv2d, blur init", 2][name] == pytest.approx(
            ns["measured"]["BlurPool [1,2,1]", 2][name], abs=1e-5
        )


def test_nearest_exact_keeps_the_middle_pixel_at_whole_factors():
    # size= at every whole factor up to 100, in 3-D, 4-D and 5-D (scale_factor= is on the
    # why-no-downsample page, with its exceptions).
    for rank in (3, 4, 5):
        for k in range(2, 101) if rank < 5 else range(2, 30):
            x = torch.randn((1, 1) + (2 * k,) * (rank - 2))
            middle = x[(...,) + (slice(k // 2, None, k),) * (rank - 2)]
            assert torch.equal(F.interpolate(x, size=(2,) * (rank - 2), mode="nearest-exact"), middle), (rank, k)
    # scale_factor=1/k keeps the same pixels, though at a few factors the output is one row short;
    # nearest keeps x[..., ::k] the same way
    for k in range(2, 101):
        for m in (2, 3, 7):
            x = torch.randn(1, 1, m * k, 2)
            for mode, first in (("nearest-exact", k // 2), ("nearest", 0)):
                out = F.interpolate(x, scale_factor=(1 / k, 1), mode=mode)
                kept = x[..., first::k, :]
                assert out.shape[-2] in (m, m - 1) and torch.equal(out, kept[..., : out.shape[-2], :]), (mode, k, m)


def test_where_the_pairs_part_without_wrap_padding(ns):
    assert tuple(ns["modules"]["BlurPool [1,1]", 2](ns["odd"]).shape[-2:]) == (4, 4)
    assert tuple(F.avg_pool2d(ns["odd"], 2).shape[-2:]) == (3, 3)
    assert tuple(ns["modules"]["nearest", 2](ns["odd"]).shape[-2:]) == (3, 3)
    assert ns["area_gap"] > 0.01
    # and in general: on sizes 2 does not divide, area and the adaptive average differ from AvgPool2d,
    # nearest keeps one row fewer than slicing; on sizes it divides they agree (3-D to 5-D)
    generator = torch.Generator().manual_seed(6)
    for rank in (3, 4, 5):
        for n in (6, 7, 8, 9):
            x = torch.randn((1, 2) + (n,) * (rank - 2), generator=generator)
            avg = (F.avg_pool1d, F.avg_pool2d, F.avg_pool3d)[rank - 3](x, 2)
            area = F.interpolate(x, scale_factor=0.5, mode="area")
            assert (area.shape == avg.shape and torch.allclose(area, avg)) == (n % 2 == 0), (rank, n)
            sliced = x[(...,) + (slice(None, None, 2),) * (rank - 2)]
            nearest = F.interpolate(x, scale_factor=0.5, mode="nearest")
            assert nearest.shape[-1] == n // 2 and sliced.shape[-1] == -(-n // 2)
            assert torch.equal(nearest, sliced[(...,) + (slice(0, n // 2),) * (rank - 2)]), (rank, n)
    gap = ns["gap"]
    assert gap.max() > 0.1 and gap[..., 1:, 1:].max() < 1e-5
    # only the first row and column differ: the last ones (not "the outermost rows and columns") agree
    assert gap[..., 0, :].max() > 0.1 and gap[..., :, 0].max() > 0.1
    assert gap[..., -1, 1:].max() < 1e-5 and gap[..., 1:, -1].max() < 1e-5


def test_most_equalities_of_the_table_fail_on_an_odd_size(ns):
    # on a 7x7 map at 2x only nearest-exact and plain bilinear keep their partner (the conv differs at
    # the borders, tested above): six of the eight rows need sizes k divides, not four
    odd, m = torch.randn(1, 1, 7, 7, generator=torch.Generator().manual_seed(7)), ns["modules"]
    pairs = {
        "nearest": (odd[..., ::2, ::2], "nearest"),
        "nearest-exact": (odd[..., 1::2, 1::2], "nearest-exact"),
        "adaptive avg": (F.avg_pool2d(odd, 2), "AdaptiveAvgPool2d(H/k)"),
        "area": (F.avg_pool2d(odd, 2), "area"),
        "adaptive max": (F.max_pool2d(odd, 2), "AdaptiveMaxPool2d(H/k)"),
        "box blur": (F.avg_pool2d(odd, 2), "BlurPool [1,1]"),
        "bilinear": (F.avg_pool2d(odd, 2), "bilinear"),
    }
    with torch.no_grad():
        outputs = {name: (ours, m[method, 2](odd.to(ns["device"])).cpu()) for name, (ours, method) in pairs.items()}
    differ = {name for name, (a, b) in outputs.items() if not (a.shape == b.shape and torch.allclose(a, b))}
    assert differ == {"nearest", "adaptive avg", "area", "adaptive max", "box blur"}


@pytest.mark.parametrize("k", [2, 4])
def test_antialias_cuts_folded_energy_and_shift_error(ns, k):
    for key in ("folded", "shift"):
        s = scores(ns, key, k)
        assert s["bilinear, antialias"] < s["bilinear"] / 3
        assert s["bicubic, antialias"] < s["bicubic"] / 3


def test_folded_energy_only_for_linear_methods(ns):
    nonlinear = {
        "MaxPool2d(k)",
        "AdaptiveMaxPool2d(H/k)",
        "LPPool2d(2, k) / k",
        "MaxBlurPool [1,1]",
        "MaxBlurPool [1,2,1]",
        "MaxBlurPool [1,4,6,4,1]",
    }
    for (name, k), m in ns["measured"].items():
        assert m["linear"] == (name not in nonlinear), name
        assert ("folded" in m) == m["linear"] and ("passband" in m) == m["linear"], name


@pytest.mark.parametrize("k", [2, 4])
def test_error_splits_into_passband_loss_and_folded_energy(ns, k):
    for (name, kk), m in ns["measured"].items():
        if kk == k and m["linear"]:
            assert m["error"] == pytest.approx(m["passband"] + m["folded"], rel=0.05, abs=2e-4), name


def test_at_4x_plain_bilinear_has_the_larger_error_and_avg_pool_the_smaller(ns):
    m = {name: ns["measured"][name, 4] for name in ("bilinear", "AvgPool2d(k)", "bilinear, antialias")}
    assert m["bilinear"]["error"] > 2 * m["bilinear, antialias"]["error"]
    assert m["AvgPool2d(k)"]["error"] < m["bilinear, antialias"]["error"]


@pytest.mark.parametrize("k", [2, 4])
def test_blur_pool_5_loses_the_most_passband_and_lp_pool_is_farthest(ns, k):
    passband = scores(ns, "passband", k)
    parameter_free = {n: v for n, v in passband.items() if not n.startswith("Conv2d")}
    ranked = sorted(parameter_free, key=parameter_free.get)
    assert ranked[-1] == "BlurPool [1,4,6,4,1]" and parameter_free[ranked[-1]] > 1.2 * parameter_free[ranked[-2]]
    error = scores(ns, "error", k)
    assert max(error, key=error.get) == "LPPool2d(2, k) / k"


def test_random_conv_shift_error_depends_on_the_draw(ns):
    """The page: the table's draw is the worst of all, but over ten draws the shift error spans slicing's."""
    for k in (2, 4):
        draws = [ns["conv_shift"][k, seed] for seed in range(10)]
        sliced = ns["measured"]["x[..., ::k, ::k]", k]["shift"]
        assert min(draws) < sliced < max(draws), k


def test_lp_pool_is_farthest_of_the_parameter_free_methods_but_a_random_conv_can_be_farther(ns):
    """The page: LPPool is the farthest in the table; over ten draws the random conv's error spans LPPool's."""
    for k in (2, 4):
        error = scores(ns, "error", k)
        parameter_free = {n: v for n, v in error.items() if not n.startswith("Conv2d")}
        assert max(parameter_free, key=parameter_free.get) == "LPPool2d(2, k) / k"
        draws = [ns["conv_error"][k, seed] for seed in range(10)]
        assert min(draws) < error["LPPool2d(2, k) / k"] < max(draws), k


def test_error_on_1_over_f_images_rewards_keeping_the_passband(ns):
    m = {name: ns["measured"][name, 2] for name in ("bilinear", "AvgPool2d(k)", "bilinear, antialias")}
    # plain bilinear and AvgPool have less error than antialiased bilinear, though they fold more
    assert m["bilinear"]["error"] < m["bilinear, antialias"]["error"]
    assert m["AvgPool2d(k)"]["error"] < m["bilinear, antialias"]["error"]
    assert m["bilinear"]["folded"] > 3 * m["bilinear, antialias"]["folded"]
    # because antialiasing costs passband, and on 1/f images most energy is in the passband
    assert m["bilinear, antialias"]["passband"] > 3 * m["bilinear"]["passband"]
    assert m["bilinear, antialias"]["passband"] > 3 * m["bilinear, antialias"]["folded"]
    # BlurPool [1,4,6,4,1] has the largest passband loss of the parameter-free linear filters
    passband = scores(ns, "passband", 2)
    parameter_free = {n: v for n, v in passband.items() if not n.startswith("Conv2d")}
    assert max(parameter_free, key=parameter_free.get) == "BlurPool [1,4,6,4,1]"


@pytest.mark.parametrize("k", [2, 4])
def test_who_wins_each_measure(ns, k):
    error, folded, shift = (scores(ns, key, k) for key in ("error", "folded", "shift"))
    if "lanczos, antialias" in error:
        assert min(error, key=error.get) == "lanczos, antialias"
    ranked = sorted(folded, key=folded.get)
    assert ranked[0] == "BlurPool [1,4,6,4,1]" and folded[ranked[1]] > 1.5 * folded[ranked[0]]
    top = sorted(shift, key=shift.get)
    assert set(top[:2]) == {"BlurPool [1,4,6,4,1]", "MaxBlurPool [1,4,6,4,1]"}
    assert shift[top[2]] > 1.3 * shift[top[1]]
    assert max(shift, key=shift.get) == "Conv2d, random init"
    # BlurPool's strong filter costs passband: more error than the antialiased bilinear
    assert error["BlurPool [1,4,6,4,1]"] > error["bilinear, antialias"]
    # Blurring after the dense max cuts max pooling's shift error several times over
    assert shift["MaxBlurPool [1,4,6,4,1]"] < shift["MaxPool2d(k)"] / 5


@pytest.mark.parametrize("k", [2, 4])
def test_keeping_one_pixel_per_block_is_the_least_shift_stable_parameter_free_method(ns, k):
    shift = scores(ns, "shift", k)
    one_pixel = {"x[..., ::k, ::k]", "nearest", "nearest-exact"}
    others = [v for n, v in shift.items() if n not in one_pixel and not n.startswith("Conv2d")]
    assert min(shift[n] for n in one_pixel) > 1.2 * max(others)
    assert shift["x[..., ::k, ::k]"] == shift["nearest"]


def test_bilinear_without_antialias_degrades_with_the_factor(ns):
    m = ns["measured"]
    assert m["bilinear", 4]["folded"] > 4 * m["bilinear", 2]["folded"]
    # "stays about the same": review 46 found the old bound (under twice) let it double; within 20%
    assert m["AvgPool2d(k)", 4]["folded"] == pytest.approx(m["AvgPool2d(k)", 2]["folded"], rel=0.2)


def test_parameters_and_learnability(ns):
    for name, make in ns["METHODS"].items():
        module = make(2, 16)
        assert bool(module.state_dict()) == name.startswith("Conv2d"), name
        assert ns["learnable"](module) == name.startswith("Conv2d"), name


def test_timings_have_a_spread_and_slicing_is_a_view(ns):
    for name, t in ns["timed"].items():
        assert 0 < t["min"] <= t["median"] <= t["max"], name
    assert set(ns["timed"]) == set(ns["METHODS"])
    x = torch.randn(1, 2, 8, 8)
    assert x[..., ::2, ::2].data_ptr() == x.data_ptr() and not x[..., ::2, ::2].is_contiguous()
    # "costs almost nothing": a view, which allocates nothing (the profiler sees the copy's bytes), and its time is
    # below every method's that computes its output. Fastest repeat against fastest repeat: load only ever adds time
    # (the timer is wall-clock). Review 71: a bound of a fifth of the next fastest failed at a load of 13 on the
    # 2-core machine (0.045 against 0.2 * 0.155 ms), so only the ranking is asserted
    batch = torch.randn(4, 16, 64, 64)
    for view, allocated in ((lambda: batch[..., ::2, ::2], False), (lambda: batch[..., ::2, ::2].contiguous(), True)):
        with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU], profile_memory=True) as profiler:
            view()
        assert (sum(event.cpu_memory_usage for event in profiler.events()) > 0) == allocated
    t = ns["timed"]
    others = {name: v for name, v in t.items() if name != "x[..., ::k, ::k]"}
    assert t["x[..., ::k, ::k]"]["min"] < min(v["min"] for v in others.values())


def test_a_load_change_during_the_timing_widens_every_range_instead_of_parting_them(ns):
    """Review 57: each method's repeats ran back to back, so other jobs starting or stopping between two
    methods (on the 2-core build machine: bilinear 0.135 to 0.154 ms in one run, 4.7 to 37 ms minutes later)
    parted ranges that measure the same work, and the page reads parted ranges as a difference. The timing
    cell is rerun here on identical work under a clock that runs 10x slower for the first half of the timing."""
    from types import SimpleNamespace

    from sitegen.cells import parse_script

    ticks = []

    class LoadedTimer:
        def __init__(self, stmt, globals, num_threads):
            pass

        def timeit(self, number):
            ticks.append(number)
            slow = len(ticks) <= (ns["REPEATS"] + 1) * len(ns["METHODS"]) / 2
            return SimpleNamespace(median=1e-4 * (10 if slow else 1))

    source = parse_script(ROOT / "examples" / "downsample_methods.py").cell("timings").source
    rerun = dict(ns, benchmark=SimpleNamespace(Timer=LoadedTimer))
    exec(source, rerun)
    assert len(ticks) == (ns["REPEATS"] + 1) * len(ns["METHODS"])
    for a, b in itertools.combinations(rerun["timed"].values(), 2):
        assert a["min"] <= b["max"] and b["min"] <= a["max"]
    assert all(t["min"] < t["max"] for t in rerun["timed"].values())


def test_a_load_change_in_the_last_round_widens_only_the_ranges_of_the_methods_timed_after_it(ns):
    """Review 59: the page said a load change "widens every method's range"; a change during the last round
    (or the first) reaches only the methods on one side of it, yet no range parts from the others."""
    from types import SimpleNamespace

    from sitegen.cells import parse_script

    ticks = []
    methods, repeats = len(ns["METHODS"]), ns["REPEATS"]
    change = (repeats + 1) * methods - methods // 2  # half-way through the last round

    class LoadedTimer:
        def __init__(self, stmt, globals, num_threads):
            pass

        def timeit(self, number):
            ticks.append(number)
            return SimpleNamespace(median=1e-4 * (10 if len(ticks) > change else 1))

    source = parse_script(ROOT / "examples" / "downsample_methods.py").cell("timings").source
    rerun = dict(ns, benchmark=SimpleNamespace(Timer=LoadedTimer))
    exec(source, rerun)
    widened = [name for name, t in rerun["timed"].items() if t["min"] < t["max"]]
    assert widened == list(ns["METHODS"])[methods - methods // 2 :]
    for a, b in itertools.combinations(rerun["timed"].values(), 2):
        assert a["min"] <= b["max"] and b["min"] <= a["max"]


def test_cnn_blur_is_more_consistent_beyond_the_spread_over_seeds(ns):
    r = ns["cnn_results"]
    assert set(r) == {"MaxPool2d(2)", "AvgPool2d(2)", "BlurPool [1,4,6,4,1]", "MaxBlurPool [1,4,6,4,1]"}
    mean = {name: v["consistency"][0] for name, v in r.items()}
    std = {name: v["consistency"][1] for name, v in r.items()}

    def beats(a, b, key="consistency", by=1):
        return r[a][key][0] - r[b][key][0] > by * (r[a][key][1] + r[b][key][1])

    # Review 57: "by far more than the spread" was asserted as "more than the spread"; the gap is about 5 spreads
    assert beats("MaxBlurPool [1,4,6,4,1]", "MaxPool2d(2)", by=3) and beats("BlurPool [1,4,6,4,1]", "MaxPool2d(2)")
    assert beats("AvgPool2d(2)", "MaxPool2d(2)")
    # most of the gain is the blur: BlurPool alone and MaxBlurPool are within each other's spread
    assert (
        abs(mean["BlurPool [1,4,6,4,1]"] - mean["MaxBlurPool [1,4,6,4,1]"])
        < std["BlurPool [1,4,6,4,1]"] + std["MaxBlurPool [1,4,6,4,1]"]
    )
    # feature change, centred: max pooling's is largest by more than the spread
    change = {name: v["feature_change"] for name, v in r.items()}
    assert all(
        change["MaxPool2d(2)"][0] - c[0] > change["MaxPool2d(2)"][1] + c[1]
        for n, c in change.items()
        if n != "MaxPool2d(2)"
    )
    # accuracy: the page names no winner, because every pair is within its spread
    acc = {name: v["accuracy"] for name, v in r.items()}
    assert all(abs(a[0] - b[0]) < a[1] + b[1] for a in acc.values() for b in acc.values())
    assert all(0.25 < a[0] <= 1 for a in acc.values())


def test_cnn_variants_share_conv_weights_for_a_seed(ns):
    torch.manual_seed(0)
    first = ns["small_cnn"](ns["variants"]["MaxPool2d(2)"])
    torch.manual_seed(0)
    second = ns["small_cnn"](ns["variants"]["MaxBlurPool [1,4,6,4,1]"])
    assert torch.equal(first[0].weight, second[0].weight) and torch.equal(first[3].weight, second[3].weight)


def test_stripes_are_above_the_halved_nyquist_limit(ns):
    # The task's stripes run at 0.30 to 0.45 cycles per pixel; check on a generated batch.
    x, _ = ns["stripes"](64, torch.Generator().manual_seed(5))
    assert x.shape == (64, 1, 26, 26)
    assert ns["crop"](x, 1, 0).shape[-2:] == (24, 24)
    torch.testing.assert_close(ns["crop"](x, 0, 1)[..., :-1], ns["crop"](x)[..., 1:])


def test_nearest_exact_keeps_the_middle_pixel_only_on_sides_up_to_2_to_the_23():
    # Positions are float32: the page's bound, and its counterexample at 3x.
    def row(width):
        return (torch.arange(width) % 251).float().view(1, 1, 1, width)

    for k in (2, 3, 99):
        x = row(2**23 // k * k)
        for mode, first in (("nearest-exact", k // 2), ("nearest", 0)):
            assert torch.equal(F.interpolate(x, scale_factor=(1, 1 / k), mode=mode), x[..., first::k]), (mode, k)
            assert torch.equal(F.interpolate(x, size=(1, x.shape[-1] // k), mode=mode), x[..., first::k]), (mode, k)
    x = row(8_388_615)
    assert (F.interpolate(x, scale_factor=(1, 1 / 3), mode="nearest-exact") != x[..., 1::3]).sum() == 1
    assert not torch.equal(F.interpolate(x, size=(1, 8_388_615 // 3), mode="nearest-exact"), x[..., 1::3])
    # review 43: the page said "`nearest` is slicing" with no length limit; past 2^24 it is not
    x = row(16_777_245)
    assert not torch.equal(F.interpolate(x, scale_factor=(1, 1 / 3), mode="nearest"), x[..., ::3])
    assert not torch.equal(F.interpolate(x, size=(1, 16_777_245 // 3), mode="nearest"), x[..., ::3])


def test_box_blur_pool_and_plain_bilinear_match_avg_pool_only_to_float_rounding(ns):
    # the page: BlurPool [1, 1] and plain bilinear at 2x equal AvgPool2d to float rounding, not bit for bit
    x = torch.randn(1, 8, 32, 34, generator=torch.Generator().manual_seed(3))
    avg = F.avg_pool2d(x, 2)
    for out in (ns["BlurPool"](filter_size=2)(x), F.interpolate(x, scale_factor=0.5, mode="bilinear")):
        assert not torch.equal(out, avg)
        torch.testing.assert_close(out, avg, atol=1e-6, rtol=1e-6)
    # area and the adaptive pool are bit for bit at 2x and 4x, the factors of the table
    square = x[..., :32]
    for k in (2, 4):
        assert torch.equal(F.interpolate(square, scale_factor=1 / k, mode="area"), F.avg_pool2d(square, k))


def test_the_text_below_the_same_operation_table_names_the_pairs_that_are_not_bit_for_bit_there(ns):
    # Review r134-5: the table's lead-in says "the text below the table says which pairs are not equal bit for bit";
    # that text put area and the adaptive average pool with BlurPool [1, 1] as "AvgPool2d to float rounding (not bit
    # for bit: ... at 3× ...)", but on the table's own test images, at its 2× and 4×, those two are bit for bit, and
    # the pairs that are not are BlurPool [1, 1], plain bilinear (at 2×, where the table says yes) and the convolution
    bit_for_bit = {}
    with torch.no_grad(), ns["full_float32"]():
        for a, b in ns["pairs"]:
            for k in ns["factors"]:
                first, second = (
                    ns["middle"][k] if name.startswith("x[..., k//2") else ns["modules"][name, k] for name in (a, b)
                )
                out = [ns["periodic"](module, ns["images"], k) for module in (first, second)]
                bit_for_bit[b if a != "nearest-exact" else a, k] = torch.equal(*out)
    exact = {"nearest", "nearest-exact", "AdaptiveAvgPool2d(H/k)", "area", "AdaptiveMaxPool2d(H/k)"}
    for (name, k), equal in bit_for_bit.items():
        assert equal is (name in exact), (name, k)
        if not equal and not (name == "bilinear" and k == 4):  # the table says yes: float rounding only
            assert ns["identical"][next(pair for pair in ns["pairs"] if name in pair) + (k,)], (name, k)
    assert_pages_say(
        (
            "downsample-methods.md",
            "`area`, the adaptive average pool and BlurPool [1, 1] are `AvgPool2d`: the first two bit for bit on the "
            "table's test images, at 2× and 4×, but not on every map (on a contiguous float32 map at 3×",
        ),
        (
            "downsample-methods.md",
            "BlurPool [1, 1] to float rounding, not bit for bit (it adds in another order, above)",
        ),
        ("downsample-methods.md", "equals `AvgPool2d` to float rounding, not bit for bit, at 2× only"),
        ("downsample-methods.md", "computes what BlurPool [1, 2, 1] computes, to float rounding (one 2-D pass against"),
        (
            "downsample-methods.zh.md",
            "`area`、自适应平均池化和 BlurPool [1, 1] 都等同于 `AvgPool2d`：前两者在本表的测试图像上缩小 2 倍和 4 倍时"
            "与它逐位相同，但并非在每张图上都如此",
        ),
        ("downsample-methods.zh.md", "BlurPool [1, 1] 则只差浮点舍入，并非逐位相同（加法顺序不同，见上文）"),
        ("downsample-methods.zh.md", "才与 `AvgPool2d` 相同（只差浮点舍入，并非逐位相同）"),
    )
    for page in ("docs/downsample-methods.md", "docs/downsample-methods.zh.md"):
        text = " ".join((ROOT / page).read_text(encoding="utf-8").split())
        assert "BlurPool [1, 1] are `AvgPool2d` to float rounding (not bit for bit" not in text
        assert "都与 `AvgPool2d` 只差浮点舍入（并非逐位相同" not in text


def test_antialias_matches_pillow_on_float_images_but_not_always_on_8_bit_ones():
    # the page: Pillow's resize matches antialias=True on float images; 8-bit images differ by a level
    from PIL import Image

    generator = torch.Generator().manual_seed(0)
    worst = 0
    for (height, width), (out_h, out_w) in (((97, 61), (48, 30)), ((40, 30), (20, 15)), ((37, 29), (12, 9))):
        x = torch.rand(height, width, generator=generator)
        pillow = Image.fromarray(x.numpy(), mode="F").resize((out_w, out_h), Image.Resampling.BILINEAR)
        ours = F.interpolate(x[None, None], size=(out_h, out_w), mode="bilinear", antialias=True)[0, 0]
        torch.testing.assert_close(ours, torch.from_numpy(np.asarray(pillow)), atol=1e-5, rtol=0)
    for _ in range(3):
        x = torch.randint(0, 256, (97, 61), generator=generator, dtype=torch.uint8)
        pillow = np.asarray(Image.fromarray(x.numpy(), mode="L").resize((30, 48), Image.Resampling.BILINEAR)).astype(
            int
        )
        ours = F.interpolate(x[None, None], size=(48, 30), mode="bilinear", antialias=True)[0, 0].numpy().astype(int)
        worst = max(worst, int(np.abs(pillow - ours).max()))
    assert worst == 1


def test_float64_antialias_misses_pillow_only_for_one_pixel_wide_outputs_at_least_two_high():
    # Review 34: the page said "one pixel wide whose height changes", but 5x5 -> 1x1 and 1x5 -> 3x1 still match
    generator = torch.Generator().manual_seed(1)
    missed = set()
    for h, w, oh, ow in itertools.product(range(1, 7), range(1, 7), range(1, 5), range(1, 5)):
        x = torch.rand(h, w, generator=generator)  # Pillow's mode "F" holds float32; it computes in double
        for mode, resample in (("bilinear", Image.Resampling.BILINEAR), ("bicubic", Image.Resampling.BICUBIC)):
            pillow = np.asarray(Image.fromarray(x.numpy(), mode="F").resize((ow, oh), resample))
            ours = F.interpolate(x[None, None].double(), size=(oh, ow), mode=mode, antialias=True)[0, 0].numpy()
            if np.abs(ours - pillow).max() > 1e-5:
                missed.add((h, w, oh, ow))
    assert missed == {(h, w, oh, 1) for h, w, oh in itertools.product(range(2, 7), range(1, 7), range(2, 5)) if oh != h}


def test_a_channels_last_copy_with_more_than_one_channel_escapes_the_one_pixel_wide_bug():
    # Review 79: the page put every float input one pixel wide (height changing, both heights at least two) off
    # Pillow; a channels_last copy with more than one channel comes out right.
    # Review 80: round 79 wrote "from a contiguous input", but views that are not contiguous (a column slice, a
    # transpose, a batch of one permuted from HWC) meet the bug too: only the channels_last copy escapes
    assert_only_a_channels_last_copy_escapes_the_float_one_pixel_wide_bug(
        (("bilinear", Image.Resampling.BILINEAR), ("bicubic", Image.Resampling.BICUBIC))
    )
    assert_pages_say(
        (
            "downsample-methods.md",
            "(5×5 → 1×1 and 1×5 → 3×1 still match; a `channels_last` copy with more than one channel escapes), a torch bug",
        ),
        (
            "downsample-methods.zh.md",
            "（5×5 → 1×1 和 1×5 → 3×1 仍然一致；多于一个通道的 `channels_last` 副本不受影响），这是 torch 的一个缺陷",
        ),
    )


def test_area_and_adaptive_pool_equal_avg_pool_only_to_rounding():
    # Review 9: "area and the adaptive average pool are AvgPool2d" held only to float rounding: at 3x they differ in the last bit.
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(2, 3, 99, 99, generator=generator)
    pooled = F.avg_pool2d(x, 3)
    for other in (F.interpolate(x, scale_factor=1 / 3, mode="area"), F.adaptive_avg_pool2d(x, 33)):
        assert not torch.equal(other, pooled)
        torch.testing.assert_close(other, pooled, atol=1e-6, rtol=0)
    # Review 106: "at 3x area and the adaptive pool already differ from it in the last bit" read for any input; on the
    # CPU float16 and bfloat16, and a channels_last float32 map of 16 channels, agree bit for bit at 3x (Aliasing, seen)
    agree = [x.to(dtype) for dtype in (torch.float16, torch.bfloat16)]
    agree.append(torch.randn(2, 16, 99, 99, generator=generator).contiguous(memory_format=torch.channels_last))
    for x in agree:
        assert torch.equal(F.interpolate(x, scale_factor=1 / 3, mode="area"), F.avg_pool2d(x, 3)), x.dtype
        assert torch.equal(F.adaptive_avg_pool2d(x, 33), F.avg_pool2d(x, 3)), x.dtype
    # Review 122: "already differ" read for every contiguous float32 map; where both divisions are exact, as on a
    # constant 0.5, they agree at 3x: "can already differ".
    half = torch.full((2, 3, 99, 99), 0.5)
    assert torch.equal(F.interpolate(half, scale_factor=1 / 3, mode="area"), F.avg_pool2d(half, 3))
    assert torch.equal(F.adaptive_avg_pool2d(half, 33), F.avg_pool2d(half, 3))
    assert_pages_say(
        ("downsample-methods.md", "on a contiguous float32 map at 3× `area` and the adaptive pool can already differ"),
        (
            "downsample-methods.zh.md",
            "连续存储的 float32 图缩小 3 倍时，`area` 和自适应平均池化就可能在最后一位上与它不同",
        ),
    )


def test_uint8_bicubic_antialias_is_several_levels_off_pillow_where_pillow_resizes_the_height_first():
    # Review 9: "on 8-bit images ... some pixels differ by a level" held for bilinear only.
    np = pytest.importorskip("numpy")
    Image = pytest.importorskip("PIL.Image")
    rgb = np.random.default_rng(0).integers(0, 256, (256, 256, 3), dtype=np.uint8)
    x = torch.from_numpy(rgb).permute(2, 0, 1)[None]
    for mode, resample, worst in (("bilinear", Image.Resampling.BILINEAR, 1), ("bicubic", Image.Resampling.BICUBIC, 2)):
        ours = F.interpolate(x, size=(181, 300), mode=mode, antialias=True)[0].permute(1, 2, 0).numpy().astype(int)
        pillow = np.asarray(Image.fromarray(rgb).resize((300, 181), resample)).astype(int)
        gap = np.abs(ours - pillow).max()
        assert gap == 1 if mode == "bilinear" else gap > worst, (mode, gap)


def test_uint8_bicubic_antialias_is_two_levels_off_pillow_where_pillow_resizes_the_width_first():
    # Review 11: "some pixels differ by a level" was one level short for bicubic even where Pillow goes width first.
    np = pytest.importorskip("numpy")
    Image = pytest.importorskip("PIL.Image")
    worst = {}
    for mode, resample in (("bilinear", Image.Resampling.BILINEAR), ("bicubic", Image.Resampling.BICUBIC)):
        worst[mode] = 0
        for seed, (h, w, oh, ow) in enumerate(itertools.product((2, 3, 5), (2, 3, 5), (7, 31, 100), (7, 31, 100))):
            x = torch.randint(0, 256, (3, h, w), dtype=torch.uint8, generator=torch.Generator().manual_seed(seed))
            image = Image.fromarray(x.permute(1, 2, 0).numpy())
            pillow = np.asarray(image.resize((ow, oh), resample)).astype(int)
            width_first = np.asarray(image.resize((ow, h), resample).resize((ow, oh), resample)).astype(int)
            assert (pillow == width_first).all()  # enlarging: Pillow goes width first
            ours = (
                F.interpolate(x[None], size=(oh, ow), mode=mode, antialias=True)[0].permute(1, 2, 0).numpy().astype(int)
            )
            worst[mode] = max(worst[mode], int(np.abs(ours - pillow).max()))
    assert worst == {"bilinear": 1, "bicubic": 2}


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.bfloat16])
def test_avg_pool_overflows_where_box_blur_pool_and_bilinear_do_not(ns, dtype):
    # the page: the two equalities hold only while adding up a 2x2 block does not overflow
    big = torch.finfo(dtype).max / 2
    x = torch.full((1, 2, 4, 4), big, dtype=dtype)
    for same_as_avg in (
        F.interpolate(x, scale_factor=0.5, mode="area"),
        F.adaptive_avg_pool2d(x, 2),
        F.avg_pool2d(x, 2),
    ):
        assert torch.isinf(same_as_avg).all()
    for out in (ns["BlurPool"](filter_size=2)(x), F.interpolate(x, scale_factor=0.5, mode="bilinear")):
        assert torch.equal(out, x[..., ::2, ::2])
    if dtype == torch.float32:  # the printed line the page's sentence stands on
        big = ns["big_outputs"]
        assert big["AvgPool2d(k)"] == float("inf")
        assert big["BlurPool [1,1]"] == pytest.approx(1e38, rel=1e-7) and big["bilinear"] == pytest.approx(
            1e38, rel=1e-7
        )
        # review 35: "where a block's sum overflows" read as the total; a block summing to 0 overflows on the way too
        zero_sum = torch.tensor([[3e38, 3e38], [-3e38, -3e38]]).view(1, 1, 2, 2)
        assert F.avg_pool2d(zero_sum, 2).isinf().all()
        assert torch.equal(ns["BlurPool"](filter_size=2)(zero_sum), torch.zeros(1, 1, 1, 1))


def test_avg_pool_adds_float16_in_float32_so_a_float16_overflow_gives_no_inf(ns):
    # Review 49: "where adding up a block overflows on the way, AvgPool2d gives inf and BlurPool does not" failed in
    # float16: AvgPool2d adds float16 in float32, so four 60000 (240000, past float16's 65504) come back 60000.
    # The page now says "overflows float32 or float64"; bfloat16 shares float32's range, so it overflows there too.
    x = torch.full((1, 1, 2, 2), 60000.0, dtype=torch.float16)
    assert torch.isinf(x.sum(dtype=torch.float16)) and not torch.isinf(x.float().sum())
    assert F.avg_pool2d(x, 2).item() == ns["BlurPool"](filter_size=2)(x).item() == 60000.0
    for dtype in (torch.float32, torch.bfloat16):
        block = torch.tensor([[3e38, 3e38], [-3e38, -3e38]], dtype=dtype).view(1, 1, 2, 2)
        assert F.avg_pool2d(block, 2).isinf().all() and ns["BlurPool"](filter_size=2)(block).item() == 0, dtype
    block = torch.tensor([[1.7e308, 1.7e308], [-1.7e308, -1.7e308]], dtype=torch.float64).view(1, 1, 2, 2)
    assert F.avg_pool2d(block, 2).isinf().all() and ns["BlurPool"](filter_size=2)(block).item() == 0


def test_avg_pool_overflows_to_minus_inf_on_a_negative_block_where_blur_pool_stays_finite(ns):
    # Review 81: the page said "AvgPool2d gives inf" where adding up a block overflows; a block of large negative
    # values overflows to -inf: the page now says only that AvgPool2d overflows
    for dtype, sign, memory_format in itertools.product(
        (torch.float32, torch.float64), (1, -1), (torch.contiguous_format, torch.channels_last)
    ):
        big = sign * torch.finfo(dtype).max * 0.9
        x = torch.empty(1, 3, 4, 4, dtype=dtype, memory_format=memory_format).fill_(big)
        assert torch.equal(F.avg_pool2d(x, 2), torch.full((1, 3, 2, 2), sign * math.inf, dtype=dtype))
        blurred = ns["BlurPool"](filter_size=2)(x)
        assert blurred.isfinite().all() and torch.allclose(blurred, torch.full_like(blurred, big)), (dtype, sign)
    assert_pages_say(
        ("downsample-methods.md", "−3e38), `AvgPool2d` overflows and BlurPool does not"),
        ("downsample-methods.zh.md", "`AvgPool2d` 会溢出，BlurPool 不会"),
    )


def test_blur_initialised_conv_is_blur_pool_121_only_to_float_rounding(ns):
    # the page: "computes what BlurPool [1, 2, 1] computes, to float rounding (not bit for bit)"
    x = torch.randn(4, 1, 32, 32, generator=torch.Generator().manual_seed(5)).to(ns["device"])
    with torch.no_grad(), ns["full_float32"]():
        conv, blur = ns["modules"]["Conv2d, blur init", 2], ns["modules"]["BlurPool [1,2,1]", 2]
        a, b = ns["periodic"](conv, x, 2), ns["periodic"](blur, x, 2)
    assert not torch.equal(a, b)
    torch.testing.assert_close(a, b, atol=1e-6, rtol=1e-6)


def test_the_blur_initialised_conv_is_one_3x3_pass_only_at_2x(ns):
    # Review 121: the page gave "one 3x3 pass against two 1-D passes" for the conv and BlurPool [1, 2, 1] of a table
    # that checks 2x and 4x; at 4x the conv is one 7x7 pass and BlurPool two stages of two 1-D passes each, equal to
    # float rounding, not bit for bit
    x = torch.randn(4, 1, 64, 64, generator=torch.Generator().manual_seed(121)).to(ns["device"])
    for k, side in ((2, 3), (4, 7)):
        conv, blur = ns["modules"]["Conv2d, blur init", k], ns["modules"]["BlurPool [1,2,1]", k]
        assert conv.weight.shape[-2:] == (side, side) and len(blur) == k // 2, k
        with torch.no_grad(), ns["full_float32"]():
            a, b = ns["periodic"](conv, x, k), ns["periodic"](blur, x, k)
        assert not torch.equal(a, b), k
        torch.testing.assert_close(a, b, atol=1e-6, rtol=1e-6)
    assert_pages_say(
        ("downsample-methods.md", "to float rounding (one 2-D pass against 1-D passes: not bit for bit)"),
        ("downsample-methods.zh.md", "（前者一次二维卷积，后者分几趟一维卷积，并非逐位相同）"),
    )
    for page in ("downsample-methods.md", "downsample-methods.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert "one 3×3 pass" not in text and "一次 3×3 卷积" not in text, page


def test_uint8_against_pillow_breaks_without_avx2_with_alpha_and_at_1x1():
    assert_uint8_against_pillow_breaks([("bilinear", Image.BILINEAR), ("bicubic", Image.BICUBIC)])


def test_the_reference_line_claims_only_what_allclose_checks(ns):
    # Review 16: the line printed "reference == ..." from an allclose; the two FFT paths differ by ~1e-6
    exact = torch.equal(ns["reference"](ns["images"], 2), ns["lowpass"](ns["images"], 2)[..., ::2, ::2])
    printed = printed_by("downsample_methods.py")
    assert "reference matches lowpass(x)[..., ::2, ::2] to 1e-5: True" in printed
    assert ("reference == " in printed) is exact


def test_the_6x6_blurpool_line_is_bit_for_bit(ns):
    # Review 16: the line printed "==" from an allclose; on the integer ramp the two are bit for bit equal
    assert "BlurPool [1,1] == AvgPool2d(2) on 6x6: True" in printed_by("downsample_methods.py")
    ramp = ns["ramp"].cpu()
    assert torch.equal(ns["BlurPool"](filter_size=2)(ramp), F.avg_pool2d(ramp, 2))


def test_uint8_bicubic_antialias_is_tens_of_levels_off_pillow_where_pillow_resizes_the_height_first():
    # Review 17: "by several" levels where Pillow goes height first: over 20 on an image of 0s and 255s
    np = pytest.importorskip("numpy")
    Image = pytest.importorskip("PIL.Image")
    image = (np.random.default_rng(26).random((26, 23)) > 0.5).astype(np.uint8) * 255
    pillow = Image.fromarray(image).resize((22, 21), Image.Resampling.BICUBIC)
    bicubic = Image.Resampling.BICUBIC
    width_first = Image.fromarray(image).resize((22, 26), bicubic).resize((22, 21), bicubic)
    assert not np.array_equal(pillow, width_first)
    ours = F.interpolate(torch.from_numpy(image)[None, None], size=(21, 22), mode="bicubic", antialias=True)[0, 0]
    assert np.abs(ours.numpy().astype(int) - np.asarray(pillow)).max() > 20


@pytest.mark.skipif("lanczos" not in F.interpolate.__doc__, reason="this torch has no mode='lanczos'")
def test_uint8_lanczos_is_tens_of_levels_off_pillow_too_where_pillow_resizes_the_height_first():
    # Review 108: the page gave "up to tens of levels where Pillow resizes the height first" to bicubic alone, so
    # lanczos read as "a level or two"; on the same image it is over 40 off Pillow, which goes height first here,
    # and equal to Pillow taking the width first
    lanczos = Image.Resampling.LANCZOS
    image = (np.random.default_rng(26).random((26, 23)) > 0.5).astype(np.uint8) * 255
    pillow = np.asarray(Image.fromarray(image).resize((22, 21), lanczos)).astype(int)
    height_first = Image.fromarray(image).resize((23, 21), lanczos).resize((22, 21), lanczos)
    width_first = Image.fromarray(image).resize((22, 26), lanczos).resize((22, 21), lanczos)
    assert np.array_equal(pillow, height_first)
    ours = F.interpolate(torch.from_numpy(image)[None, None], size=(21, 22), mode="lanczos", antialias=True)[0, 0]
    assert np.array_equal(ours.numpy(), np.asarray(width_first))
    assert np.abs(ours.numpy().astype(int) - pillow).max() > 40
    text = " ".join((ROOT / "docs" / "downsample-methods.md").read_text(encoding="utf-8").split())
    assert "or by up to tens of levels where Pillow resizes the height first (with `bicubic` over 20" in text
    assert "or with `bicubic` by up to tens of levels" not in text


def test_uint8_one_pixel_wide_bug_hits_more_than_4_channels_with_avx2_and_channels_last_copies_escape():
    # Review 18: the page said uint8 meets the one-pixel-wide bug "without AVX2" only, and the 3-channel assert
    # without "contiguous"
    assert_uint8_one_pixel_wide_bug_above_4_channels_with_avx2(("bilinear", "bicubic"))


def test_uint8_one_pixel_wide_bug_hits_views_that_are_not_contiguous_too():
    # Review 80: the page put the bug on "contiguous 8-bit images" with more than 4 channels; a column slice, a
    # transpose or a batch of one from HWC meets it too (rows off by tens of levels): only a channels_last copy
    # escapes, and with AVX2 every layout of up to 4 channels agrees with it
    views = {name: view for name, view in IMAGE_VIEWS.items() if name != "channels_last"}
    avx2 = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512")
    generator = torch.Generator().manual_seed(80)
    for (h, w, oh), channels, view, mode in itertools.product(
        ((9, 6, 3), (7, 4, 5)), (2, 3, 4, 5, 8), views, ("bilinear", "bicubic")
    ):
        x = torch.randint(0, 256, (1, channels, h, w), generator=generator, dtype=torch.uint8)
        image = views[view](x)
        assert torch.equal(image, x) and image.is_contiguous() == (view == "contiguous"), view
        right = F.interpolate(x.clone(memory_format=torch.channels_last), size=(oh, 1), mode=mode, antialias=True)
        ours = F.interpolate(image, size=(oh, 1), mode=mode, antialias=True)
        assert torch.equal(ours, right) == (avx2 and channels <= 4), (h, w, oh, channels, view, mode)
        assert avx2 and channels <= 4 or (ours.int() - right.int()).abs().max() > 10, (channels, view, mode)
    assert_pages_say(
        ("downsample-methods.md", "on the CPU, 8-bit images meet that torch bug too, in the same layouts, with more"),
        ("downsample-methods.zh.md", "在 CPU 上，同样布局、超过 4 个通道的 8 位图像也会碰到上面那个 torch 缺陷"),
    )


@pytest.mark.parametrize("mode, resample", [("bilinear", "BILINEAR"), ("bicubic", "BICUBIC")])
def test_antialias_matches_pillow_given_the_size_not_a_scale_factor_that_leaves_a_remainder(mode, resample):
    # Review 18: "matches it to float precision" held with size= and align_corners=False only
    image = np.random.default_rng(7).random((7, 7)).astype(np.float32)
    pillow = torch.from_numpy(
        np.asarray(Image.fromarray(image, mode="F").resize((3, 3), getattr(Image.Resampling, resample))).copy()
    )
    x = torch.from_numpy(image)[None, None]
    torch.testing.assert_close(
        F.interpolate(x, size=(3, 3), mode=mode, antialias=True)[0, 0], pillow, atol=1e-5, rtol=0
    )
    again = F.interpolate(x, scale_factor=0.5, mode=mode, antialias=True, recompute_scale_factor=True)[0, 0]
    torch.testing.assert_close(again, pillow, atol=1e-5, rtol=0)
    assert (F.interpolate(x, scale_factor=0.5, mode=mode, antialias=True)[0, 0] - pillow).abs().max() > 0.05
    square = np.random.default_rng(8).random((8, 8)).astype(np.float32)
    pillow = torch.from_numpy(
        np.asarray(Image.fromarray(square, mode="F").resize((4, 4), getattr(Image.Resampling, resample))).copy()
    )
    corners = F.interpolate(
        torch.from_numpy(square)[None, None], size=(4, 4), mode=mode, antialias=True, align_corners=True
    )
    assert (corners[0, 0] - pillow).abs().max() > 0.05


@pytest.mark.parametrize("mode, resample, least", [("bilinear", "BILINEAR", 0.025), ("bicubic", "BICUBIC", 0.035)])
def test_a_scale_factor_with_a_remainder_parts_from_pillow_by_hundredths_over_2000_seeds(mode, resample, least):
    # Review 21: "a random 7x7 image differs by over 0.05" failed for bilinear on some seeds (0.032 at worst);
    # review 22: "at least 0.055 with bicubic" held for seeds 0-199 only (seed 1489: 0.037)
    gaps = []
    for seed in range(2000):
        image = np.random.default_rng(seed).random((7, 7)).astype(np.float32)
        pillow = np.asarray(Image.fromarray(image, mode="F").resize((3, 3), getattr(Image.Resampling, resample)))
        ours = F.interpolate(torch.from_numpy(image)[None, None], scale_factor=0.5, mode=mode, antialias=True)[0, 0]
        gaps.append(float(np.abs(ours.numpy() - pillow).max()))
    assert least <= min(gaps) < least + 0.01 and min(gaps) < 0.06


def test_the_least_gap_from_pillow_at_a_remainder_is_that_of_numpys_2000_images_not_of_every_draw():
    # Review 120: the page gave "over 2000 seeds, by at least 0.025 with bilinear and 0.035 with bicubic" as a bound
    # on random 7x7 images; it is the least of NumPy's default_rng(0..1999) draws. Other random images in [0, 1)
    # come closer: torch.rand seeded 590 parts from Pillow's BICUBIC by 0.025, a float64 draw seeded 1465 (then
    # float32) from BILINEAR by 0.020. The page names the draws it measured
    images = {
        "bicubic": torch.rand(7, 7, generator=torch.Generator().manual_seed(590)),
        "bilinear": torch.rand(7, 7, generator=torch.Generator().manual_seed(1465), dtype=torch.float64).float(),
    }
    for mode, image in images.items():
        resample = getattr(Image.Resampling, mode.upper())
        pillow = np.asarray(Image.fromarray(image.numpy(), mode="F").resize((3, 3), resample))
        ours = F.interpolate(image[None, None], scale_factor=0.5, mode=mode, antialias=True)[0, 0].numpy()
        gap = float(np.abs(ours - pillow).max())
        assert 0.01 < gap < {"bilinear": 0.025, "bicubic": 0.035}[mode], (mode, gap)
    assert_pages_say(
        (
            "downsample-methods.md",
            "differs by hundredths: on the 2000 images of NumPy's `default_rng(seed)`, seeds 0 to 1999, by at least 0.025",
        ),
        (
            "downsample-methods.zh.md",
            "用 NumPy 的 `default_rng(seed)` 取种子 0 到 1999 生成的 2000 张图上，`bilinear` 至少差 0.025",
        ),
    )
    for page in ("downsample-methods.md", "downsample-methods.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "over 2000 seeds, by at least 0.025" not in text and "试了 2000 个随机种子" not in text


def test_the_random_convolution_is_affine_not_linear(ns):
    # Review 18: "a linear method D (every convolution ...)": the randomly initialised one has a bias, D(0) != 0
    for k in (2, 4):
        conv = ns["modules"]["Conv2d, random init", k]
        zero = torch.zeros(1, conv.in_channels, 8 * k, 8 * k, device=conv.weight.device)
        with torch.no_grad():
            assert conv(zero).abs().max() > 1e-3
            blur = ns["modules"]["Conv2d, blur init", k]
            assert torch.equal(blur(zero), torch.zeros_like(blur(zero)))
        assert ns["measured"]["Conv2d, random init", k]["linear"]


def test_the_list_of_linear_methods_names_every_method_the_script_finds_linear(ns):
    # Review r138-5: "For a linear method D (every convolution, pooling by averaging, every F.interpolate mode; ...)"
    # (zh the same) left out slicing, which the script finds linear and whose row splits into passband loss and
    # folded energy; the list now opens with it. Every method the script finds linear is one the list names, and
    # every method it finds nonlinear is one of the other list's (max pooling, LPPool, MaxBlurPool).
    from _settings import INTERPOLATE_SETTINGS, LANCZOS

    modes = set(INTERPOLATE_SETTINGS) | set(LANCZOS)
    named = {
        "slicing": lambda name: name == "x[..., ::k, ::k]",
        "every convolution": lambda name: name.startswith(("Conv2d", "BlurPool")),
        "pooling by averaging": lambda name: name in ("AvgPool2d(k)", "AdaptiveAvgPool2d(H/k)"),
        "every F.interpolate mode": lambda name: name in modes,
    }
    for k in (2, 4):
        linear = {name for (name, kk), m in ns["measured"].items() if kk == k and m["linear"]}
        for name in linear:
            assert any(covers(name) for covers in named.values()), (name, k)
        for item, covers in named.items():
            assert any(covers(name) for name in linear), (item, k)
        assert "x[..., ::k, ::k]" in linear and "passband" in ns["measured"]["x[..., ::k, ::k]", k]
        nonlinear = {name for (name, kk), m in ns["measured"].items() if kk == k and not m["linear"]}
        assert all(name.startswith(("MaxPool", "AdaptiveMax", "LPPool", "MaxBlurPool")) for name in nonlinear), k
    assert_pages_say(
        (
            "downsample-methods.md",
            "For a **linear** method *D* (slicing, every convolution, pooling by averaging, every",
        ),
        ("downsample-methods.zh.md", "对于**线性**方法 *D*（切片、所有卷积、平均类池化、`F.interpolate` 的所有模式；"),
    )


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact"])
def test_one_block_of_49_pixels_at_one_49th_leaves_no_pixel_and_raises(mode):
    # Review 18: "one pixel short" from a single block is no pixel at all, which F.interpolate refuses
    for dtype in (torch.float32, torch.float64):
        with pytest.raises(RuntimeError, match="greater than 0"):
            F.interpolate(torch.zeros(1, 1, 49, dtype=dtype), scale_factor=1 / 49, mode=mode)
        assert F.interpolate(torch.zeros(1, 1, 98, dtype=dtype), scale_factor=1 / 49, mode=mode).shape[-1] == 1


@pytest.mark.parametrize("mode, resample", [("bilinear", "BILINEAR"), ("bicubic", "BICUBIC")])
def test_antialias_matches_pillow_to_float_precision_in_float64_only(mode, resample):
    # Review 19: "matches it to float precision" failed in float32 on long axes: torch's positions and weights are float32
    image = np.random.default_rng(0).random((2, 3000)).astype(np.float32)
    pillow = torch.from_numpy(
        np.asarray(Image.fromarray(image, mode="F").resize((1999, 2), getattr(Image.Resampling, resample))).copy()
    )
    x = torch.from_numpy(image)[None, None]
    exact = F.interpolate(x.double(), size=(2, 1999), mode=mode, antialias=True)[0, 0]
    assert (exact - pillow.double()).abs().max() < 1e-7
    drift = (F.interpolate(x, size=(2, 1999), mode=mode, antialias=True)[0, 0] - pillow).abs().max()
    assert 5e-5 < drift < 1e-4
    # Review 25: "by almost 1e-4" held for seed 0 only; over 200 seeds most images drift past 1e-4
    drifts = torch.stack([_float32_drift_from_pillow(seed, mode, resample) for seed in range(200)])
    assert 8e-5 < drifts.min() and 1.3e-4 < drifts.max() < 1.5e-4 and (drifts > 1e-4).float().mean() > 0.5


@pytest.mark.skipif("lanczos" not in F.interpolate.__doc__, reason="this torch has no mode='lanczos'")
def test_the_float32_drift_range_from_pillow_is_bilinear_and_bicubics_lanczos_drifts_further():
    # Review 108: the float32 bullet gave "from 8e-5 to 1.5e-4 over 200 seeds" for antialias=True at size=, which
    # takes in lanczos (it matches Pillow's LANCZOS in float64 too); over the same 200 seeds lanczos drifts past
    # 1.5e-4, so the page names the two modes the range was measured on
    drifts = torch.stack([_float32_drift_from_pillow(seed, "lanczos", "LANCZOS") for seed in range(200)])
    assert drifts.max() > 1.5e-4
    text = " ".join((ROOT / "docs" / "downsample-methods.md").read_text(encoding="utf-8").split())
    assert "(with `bilinear` and `bicubic` from 8e-5 to 1.5e-4 over 200 seeds)" in text
    assert "2×1999 (from 8e-5 to 1.5e-4" not in text


def _float32_drift_from_pillow(seed, mode, resample):
    image = np.random.default_rng(seed).random((2, 3000)).astype(np.float32)
    pillow = torch.from_numpy(
        np.asarray(Image.fromarray(image, mode="F").resize((1999, 2), getattr(Image.Resampling, resample))).copy()
    )
    return (
        (F.interpolate(torch.from_numpy(image)[None, None], size=(2, 1999), mode=mode, antialias=True)[0, 0] - pillow)
        .abs()
        .max()
    )


@pytest.mark.skipif(
    torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="the assert is in the AVX2 uint8 kernel"
)
@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_the_uint8_3_channel_1x1_assert_with_antialias_needs_two_rows(mode):
    # Review 20: one row high, a contiguous 3-channel uint8 image shrinks to 1x1 (as its channels_last copy
    # does) instead of stopping at the internal assert; from two rows on it asserts
    for width in (2, 5):
        row = torch.randint(0, 256, (1, 3, 1, width), dtype=torch.uint8, generator=torch.Generator().manual_seed(width))
        last = F.interpolate(row.contiguous(memory_format=torch.channels_last), size=(1, 1), mode=mode, antialias=True)
        assert torch.equal(F.interpolate(row, size=(1, 1), mode=mode, antialias=True), last), width
        for height in (2, 3):
            with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
                F.interpolate(row.expand(1, 3, height, width).contiguous(), size=(1, 1), mode=mode, antialias=True)


def test_uint8_bilinear_antialias_can_be_two_levels_off_pillow_shrinking_width_first():
    # Review 24: "some pixels differ by a level (bicubic: by two)" was a level short for bilinear too,
    # on a shrink where Pillow, like torch, resizes the width first.
    x = torch.randint(0, 2, (172, 104), dtype=torch.uint8, generator=torch.Generator().manual_seed(0)) * 255
    image = Image.fromarray(x.numpy(), mode="L")
    pillow = np.asarray(image.resize((40, 134), Image.Resampling.BILINEAR)).astype(int)
    width_first = image.resize((40, 172), Image.Resampling.BILINEAR).resize((40, 134), Image.Resampling.BILINEAR)
    assert (pillow == np.asarray(width_first)).all()
    ours = F.interpolate(x[None, None], size=(134, 40), mode="bilinear", antialias=True)[0, 0].numpy().astype(int)
    assert np.abs(ours - pillow).max() == 2


def test_nearest_exact_is_the_slicing_filter_but_measures_apart_from_slicing(ns):
    # Review 24: "nearest-exact ... there as slicing, the same operations" (and one ranking) read as if it
    # measured the same as slicing; it samples k // 2 pixels further on, and its measures differ a little.
    measured = ns["measured"]
    for k in (2, 4):
        assert measured["nearest", k]["folded"] == measured["x[..., ::k, ::k]", k]["folded"]
        exact, sliced = measured["nearest-exact", k]["folded"], measured["x[..., ::k, ::k]", k]["folded"]
        assert exact != pytest.approx(sliced, rel=1e-3) and exact == pytest.approx(sliced, rel=0.1), k


def test_at_4x_the_box_equalities_need_a_4x4_block_whose_sum_does_not_overflow(ns):
    # Review 28: "these two hold while adding up a 2x2 block does not overflow" failed at 4x, where AvgPool2d(4)
    # adds 16 pixels: a 4x4 block of 3e37 has finite 2x2 sums but overflows there, not in BlurPool [1,1] twice
    x = torch.full((1, 1, 8, 8), 3e37)
    assert torch.isfinite(torch.full((1, 1, 2, 2), 3e37).sum())
    modules = {name: ns["modules"][name, 4].cpu() for name in ("AvgPool2d(k)", "area", "AdaptiveAvgPool2d(H/k)")}
    with torch.no_grad():
        for name, module in modules.items():
            assert module(x).isinf().all(), name
        blur = ns["modules"]["BlurPool [1,1]", 4].cpu()(x)
    assert blur.shape[-1] == 2 and torch.allclose(blur, torch.full_like(blur, 3e37), rtol=1e-6, atol=0)


def test_to_one_pixel_area_and_the_adaptive_pool_overflow_unlike_avg_pool():
    # Review 35: "area and the adaptive pool overflow like AvgPool2d" failed for a 1x1 output, where they call mean,
    # which adds in another order: 4x4 blocks of +-3e38 summing to 0 overflow in one and not in the other, both ways
    # Review 69: the page then excepted 4x4 blocks "or larger"; 3x3 blocks of +-3e38 summing to +-3e38 part too.
    # Review 71: and "3x3 or larger" left out blocks that are not square: 2x3, 3x2 and 1x16 part as well (2x4 and 1x8
    # did not), so the page says only that to a 1x1 output mean can add in another order
    generator = torch.Generator().manual_seed(0)
    for h, w in ((3, 3), (4, 4), (2, 3), (3, 2), (1, 16)):
        signs = torch.tensor([1.0] * ((h * w + 1) // 2) + [-1.0] * (h * w // 2))
        blocks = (3e38 * signs[torch.argsort(torch.rand(2000, h * w, generator=generator), dim=1)]).view(-1, 1, h, w)
        pooled = F.avg_pool2d(blocks, (h, w)).isfinite().flatten()
        for other in (F.interpolate(blocks, size=(1, 1), mode="area"), F.adaptive_avg_pool2d(blocks, 1)):
            finite = other.isfinite().flatten()
            assert (pooled & ~finite).any() and (~pooled & finite).any(), (h, w)
    for page, words, old in (
        (
            "downsample-methods.md",
            "except to a 1×1 output, where they call `mean`, which can add in another order",
            "3×3 block",
        ),
        ("downsample-methods.zh.md", "但缩到 1×1 时例外：这时它们调用 `mean`，加法顺序可能不同", "3×3 或更大"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert words in text and old not in text, page
    x = torch.where(torch.rand(4000, 1, 4, 4, generator=generator) < 0.5, 3e38, -3e38).float()
    pooled = F.avg_pool2d(x, 4).isfinite().flatten()
    # larger outputs add each window row by row, as AvgPool2d does: the blocks that parted above overflow alike there
    parted = x[pooled != F.adaptive_avg_pool2d(x, 1).isfinite().flatten()][:16]
    tiled = parted.view(4, 4, 4, 4).permute(0, 2, 1, 3).reshape(1, 1, 16, 16)
    expected = F.avg_pool2d(tiled, 4).isfinite()
    assert expected.any() and not expected.all()
    for other in (F.interpolate(tiled, scale_factor=0.25, mode="area"), F.adaptive_avg_pool2d(tiled, 4)):
        assert torch.equal(other.isfinite(), expected)


def test_only_some_diagonal_stripes_fit_in_the_halved_square_band(ns):
    # Review 29: the page said the stripes are all finer than a halved map can hold. A square grid limits
    # the frequency along each axis (0.25 after halving); a diagonal stripe's is 0.7 to 0.8 times its own,
    # so the slowest diagonal ones (0.30 cycles per pixel and a little more) fit. Replays stripes()'s draws.
    generator = torch.Generator().manual_seed(2)
    for count, labels in ((512, ns["train_y"]), (256, ns["test_y"])):
        label = torch.randint(0, 4, (count,), generator=generator)
        theta = label * math.pi / 4 + (torch.rand(count, generator=generator) - 0.5) * 0.3
        frequency = 0.30 + 0.15 * torch.rand(count, generator=generator)
        torch.rand(count, generator=generator)  # phase
        torch.randn(count, 26, 26, generator=generator)  # noise
        assert torch.equal(label, labels.cpu())
        axis = frequency * torch.maximum(theta.cos().abs(), theta.sin().abs())
        fits = axis < 0.25
        assert 0 < fits.sum() < count / 4
        assert set(label[fits].tolist()) == {1, 3}  # diagonal only
        diagonal = label % 2 == 1
        ratio = axis[diagonal] / frequency[diagonal]
        assert 0.7 <= ratio.min() and ratio.max() < 0.81
        # review 34: "0.7 to 0.8 along each axis" held for the larger one only; the other runs at 0.6 to 0.7
        other = torch.minimum(theta.cos().abs(), theta.sin().abs())[diagonal]
        assert 0.59 < other.min() < 0.6 and other.max() <= 0.7072
    # Review 71: the extremes pass the ranges the page gives (0.805 against "0.7 to 0.8", 0.594 against "0.6 to 0.7"),
    # so the page says "about". Review 72: the comment in the shown cell still gave the bare ranges
    assert ratio.max() > 0.8
    for page, words, old in (
        (
            "docs/downsample-methods.md",
            "is about 0.7 to 0.8 times its own along one axis and about 0.6 to 0.7 times",
            "",
        ),
        ("docs/downsample-methods.zh.md", "约为其自身频率的 0.7 到 0.8 倍，在另一个轴向上约为 0.6 到 0.7 倍", ""),
        (
            "examples/downsample_methods.py",
            "runs at about 0.7 to 0.8 times its frequency along # one axis, about 0.6 to 0.7 times along the other",
            "they run at 0.7 to 0.8 times",
        ),
    ):
        text = " ".join((ROOT / page).read_text(encoding="utf-8").split())
        assert words in text and not (old and old in text), page


def test_area_and_the_adaptive_pool_at_3x_differ_in_the_last_bit_but_to_1x1_by_more():
    # Review 38: "at 3x area and the adaptive pool differ from AvgPool2d in the last bit" - to a 1x1 output they call
    # mean: 4 float32 steps on values in [0, 1), and hundreds of steps or more of a mean near 0 on values in [-1, 1).
    def steps(a, b):
        return ((a - b).abs() / (torch.nextafter(a.abs(), torch.tensor(math.inf)) - a.abs())).max().item()

    def area(t):
        return F.interpolate(t, scale_factor=1 / 3, mode="area")

    def adaptive(t):
        return F.adaptive_avg_pool2d(t, t.shape[-1] // 3)

    for seed in range(3):
        generator = torch.Generator().manual_seed(seed)
        x = torch.rand(20000, 1, 3, 3, generator=generator)
        big = torch.randn(500, 1, 18, 18, generator=generator)
        for shrink in (area, adaptive):
            assert steps(shrink(big), F.avg_pool2d(big, 3)) == 1, seed
            assert steps(shrink(x), F.avg_pool2d(x, 3)) == 4, seed
            assert steps(shrink(x * 2 - 1), F.avg_pool2d(x * 2 - 1, 3)) >= 200, seed


def test_nearest_at_1_over_49_is_one_pixel_short_only_without_recompute_scale_factor():
    # Review 38: with recompute_scale_factor=True a side that 1/49 leaves a pixel short steps by 49 m / (m - 1):
    # 98 pixels give pixel 49 in nearest-exact, not the slice's 24.
    for m in (m for m in range(2, 400) if math.floor(49 * m * (1 / 49)) < m):
        x = torch.arange(49 * m, dtype=torch.float32).view(1, 1, 1, -1)
        for mode, start in (("nearest", 0), ("nearest-exact", 24)):
            plain, recomputed = (
                F.interpolate(x, scale_factor=(1, 1 / 49), mode=mode, recompute_scale_factor=r)[0, 0, 0] for r in (0, 1)
            )
            assert torch.equal(plain, x[0, 0, 0, start::49][: m - 1]), (m, mode)
            assert not torch.equal(recomputed, x[0, 0, 0, start::49][: m - 1]) or (mode == "nearest" and m == 2)
    x = torch.arange(98.0).view(1, 1, 1, -1)
    assert F.interpolate(x, scale_factor=(1, 1 / 49), mode="nearest-exact", recompute_scale_factor=True).item() == 49


def test_plain_bilinear_is_avg_pool_at_2x_only_with_align_corners_false():
    x = torch.randn(2, 3, 8, 8, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    pooled = F.avg_pool2d(x, 2)
    for size in ({"scale_factor": 0.5}, {"size": (4, 4)}):
        plain = F.interpolate(x, mode="bilinear", align_corners=False, **size)
        torch.testing.assert_close(plain, pooled)
        corners = F.interpolate(x, mode="bilinear", align_corners=True, **size)
        assert (corners - pooled).abs().max() > 0.1


def test_one_49th_leaves_some_multiples_of_49_a_pixel_short_and_others_whole():
    # "can come out one pixel short" (zh: 可能会少一个像素): not on every multiple, 245 pixels give all 5.
    lengths = {
        m: F.interpolate(torch.zeros(1, 1, 49 * m), scale_factor=1 / 49, mode="nearest").shape[-1]
        for m in range(2, 200)
    }
    assert lengths[2] == 1 and lengths[5] == 5
    assert 0 < sum(n < m for m, n in lengths.items()) < len(lengths)


def test_the_1x1_mean_parts_from_avg_pool_by_steps_that_grow_with_the_block():
    # Review 39: "a few float32 steps" holds for a 4x4 block of values in [0, 1), not for 100x100 (tens of steps).
    g = torch.Generator().manual_seed(1)

    def steps(x):
        pooled = F.avg_pool2d(x, x.shape[-1])
        area = F.interpolate(x, size=(1, 1), mode="area")
        assert torch.equal(area, F.adaptive_avg_pool2d(x, 1))
        step = torch.nextafter(pooled, torch.tensor(float("inf"))) - pooled
        return ((area - pooled).abs() / step).max().item()

    assert 0 < steps(torch.rand(5000, 1, 4, 4, generator=g)) <= 4
    assert steps(torch.rand(50, 1, 100, 100, generator=g)) >= 20
    # Review 79: from a 3x3 block too (at 3x, where only the 1x1 output parts by more than the last bit), not only
    # from 4x4 on as the page said; a 2x2 block agrees bit for bit
    assert 0 < steps(torch.rand(5000, 1, 3, 3, generator=g)) <= 4
    assert steps(torch.rand(5000, 1, 2, 2, generator=g)) == 0
    for h, w in ((3, 6), (6, 3), (6, 6), (9, 9)):
        x = torch.rand(2000, 1, h, w, generator=g)
        pooled, area = F.avg_pool2d(x, 3), F.interpolate(x, scale_factor=1 / 3, mode="area")
        assert ((area - pooled).abs() / (torch.nextafter(pooled, torch.tensor(float("inf"))) - pooled)).max() == 1
    assert_pages_say(
        ("downsample-methods.md", "by a few float32 steps from a 3×3 or 4×4 block and by more from larger ones"),
        ("downsample-methods.zh.md", "取值在 [0, 1) 时，3×3 或 4×4 的块会差几个 float32 步长"),
    )


def test_the_1x1_mean_parts_by_more_from_larger_blocks_but_not_more_at_every_larger_size():
    # Review 117: the zh page said 块越大差得越多 (the larger the block, the more), a trend at every size, where the
    # en page says blocks larger than 3x3 and 4x4 part by more than those: over 20000 maps of values in [0, 1) each
    # of 5x5 to 8x8 parts by more steps than 3x3 and 4x4 on every seed, yet on seed 3 an 8x8 block by fewer than 7x7
    def steps(x):
        pooled = F.avg_pool2d(x, x.shape[-1])
        area = F.interpolate(x, size=(1, 1), mode="area")
        step = torch.nextafter(pooled, torch.tensor(float("inf"))) - pooled
        return ((area - pooled).abs() / step).max().item()

    fewer_at_a_larger_size = False
    for seed in range(4):
        g = torch.Generator().manual_seed(seed)
        s = {n: steps(torch.rand(20000, 1, n, n, generator=g)) for n in range(3, 9)}
        assert min(s[n] for n in range(5, 9)) > max(s[3], s[4]), seed
        fewer_at_a_larger_size |= any(s[n + 1] < s[n] for n in range(5, 8))
    assert fewer_at_a_larger_size
    assert_pages_say(
        ("downsample-methods.md", "by a few float32 steps from a 3×3 or 4×4 block and by more from larger ones"),
        ("downsample-methods.zh.md", "3×3 或 4×4 的块会差几个 float32 步长，更大的块差得更多（100×100 时达几十步）"),
    )
    assert "块越大差得越多" not in (ROOT / "docs" / "downsample-methods.zh.md").read_text(encoding="utf-8")


def test_from_a_2x2_block_to_one_pixel_area_and_the_adaptive_pool_overflow_like_avg_pool():
    # Review 42: the page excepted every 1x1 output from "area and the adaptive pool overflow like AvgPool2d".
    # Their mean adds a 2x2 block as AvgPool2d does: the same inf, -inf, nan or finite value on every block of
    # +-3e38, +-1e38 and 2e38, in both memory formats; larger blocks can part (review 69: 3x3; review 71: 2x3 too).
    values = torch.tensor([3e38, -3e38, 1e38, -1e38, 2e38])
    blocks = torch.cartesian_prod(*[values] * 4).view(-1, 1, 2, 2)
    for x in (blocks, blocks.expand(-1, 4, 2, 2).contiguous(memory_format=torch.channels_last)):
        pooled = F.avg_pool2d(x, 2)
        assert not pooled.isfinite().all()
        for other in (F.interpolate(x, size=(1, 1), mode="area"), F.adaptive_avg_pool2d(x, 1)):
            assert torch.equal(other.isnan(), pooled.isnan())
            assert torch.equal(other[~pooled.isnan()], pooled[~pooled.isnan()])


def test_plain_bilinear_is_avg_pool_at_2x_only_on_sides_up_to_2_to_the_23():
    # review 43: the page gave no length limit; past 2^23 the float32 positions round onto a pixel
    # review 103: "only on sides up to 2^23 pixels" failed at 2^23 + 1 (odd: its last position, 2^23 - 1.5, is exact)
    for n, same in ((2**23, True), (2**23 + 1, True), (2**23 + 2, False), (2**23 + 2**12, False)):
        x = (torch.arange(2 * n) % 251).float().view(1, 1, 2, n)
        assert torch.allclose(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2)) == same, n
    assert_pages_say(
        ("downsample-methods.md", "in float32, float16 and bfloat16 only on sides up to 2^23 + 1 pixels (see"),
        ("downsample-methods.zh.md", "时只在每边不超过 2^23 + 1 个像素时成立"),
    )
    # review 44: the limit is float32's; float64 positions are float64, and a longer side still takes the 2x2 means
    n = 2**23 + 2**12
    x = (torch.arange(2 * n) % 251).double().view(1, 1, 2, n)
    assert torch.allclose(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2))


def test_plain_bilinear_at_2x_leaves_the_block_mean_past_2_to_the_23_in_float16_and_bfloat16_too():
    # Review 49: the page limited "plain bilinear equals AvgPool2d at 2x" to sides up to 2^23 "in float32" only;
    # torch computes float16 and bfloat16 positions in float32 too, so they leave the means at the same length.
    # One-row maps and (1, 2) blocks keep it fast; small integers keep every mean exact in both dtypes.
    for dtype, n, same in (
        (torch.bfloat16, 2**23, True),
        (torch.bfloat16, 2**23 + 2**12, False),
        (torch.float16, 2**23 + 2**12, False),
    ):
        x = (torch.arange(n) % 7).to(dtype).view(1, 1, 1, n)
        bilinear = F.interpolate(x, scale_factor=(1, 0.5), mode="bilinear")
        assert torch.equal(bilinear, F.avg_pool2d(x, (1, 2))) == same, (dtype, n)


def test_box_blur_pool_keeps_one_more_row_and_column_on_odd_sizes_from_3_up_and_refuses_a_side_of_1(ns):
    # Review 49: "on odd sizes it keeps one more row and column" failed at the smallest odd size: a side of 1
    # gives no output at all (BlurPool's reflect pad needs 2 pixels; AvgPool2d(2) refuses it too).
    blur = ns["BlurPool"](filter_size=2)
    for size in (3, 5, 7, 33):
        x = torch.rand(1, 1, size, size)
        assert (
            blur(x).shape[-2:] == (size // 2 + 1, size // 2 + 1) and F.avg_pool2d(x, 2).shape[-2:] == (size // 2,) * 2
        )
    for shape in ((1, 1), (1, 4), (4, 1)):
        with pytest.raises(ValueError):
            blur(torch.rand(1, 1, *shape))


def test_the_same_operation_cells_comment_claims_only_the_factors_it_checks():
    # Review 49: the shown cell's comment said "at whole factors nearest-exact keeps the middle pixel of each block";
    # the cell checks 2x and 4x on 128x128 maps, and at 3x a row of 8,388,615 pixels already takes one from elsewhere.
    x = (torch.arange(8_388_615) % 251).float().view(1, 1, 1, -1)
    assert not torch.equal(F.interpolate(x, size=(1, x.shape[-1] // 3), mode="nearest-exact"), x[..., 1::3])
    source = (ROOT / "examples" / "downsample_methods.py").read_text(encoding="utf-8")
    cell = source.split("# %% same_operation")[1].split("# %%")[0]
    comment = " ".join(line.lstrip("# ") for line in cell.splitlines() if line.startswith("#"))
    assert "at 2x and 4x" in comment and "at whole factors nearest-exact" not in comment


def test_the_methods_shrink_by_k_only_for_powers_of_2(ns):
    # Review 51: the methods cell said "Every method as a module that shrinks by an integer factor k": the
    # BlurPool rows repeat their 2x step log2(k) times (int), so at k = 3 they shrink by 2 and at k = 6 by 4.
    x = torch.randn(1, 1, 48, 48, generator=torch.Generator().manual_seed(51))
    with torch.no_grad():
        for k in (1, 2, 4, 8, 16):
            for name, make in ns["METHODS"].items():
                out = make(k, 1)(x)
                assert out.shape[-2:] == (48 // k, 48 // k), (name, k)
        for k, shrink in ((3, 2), (6, 4), (12, 8)):
            for name in ("BlurPool [1,1]", "MaxBlurPool [1,4,6,4,1]"):
                assert ns["METHODS"][name](k, 1)(x).shape[-1] == 48 // shrink != 48 // k, (name, k)


def test_every_method_halves_the_printed_map_but_not_an_odd_one(ns):
    # Review 51: "Every method halves the map" holds for the 128x128 map the cell prints; on a 7x7 map the
    # methods disagree on the size (slicing and BlurPool keep 4, pooling and nearest 3), so the page says "this map".
    odd = torch.randn(1, 1, 7, 7, generator=torch.Generator().manual_seed(7))
    with torch.no_grad():
        sizes = {ns["modules"][name, 2](odd).shape[-1] for name in ns["METHODS"] if name != "PixelUnshuffle(k)"}
    assert sizes == {3, 4}
    assert "(1, 128, 128) -> (1, 64, 64)" in printed_by("downsample_methods.py")


def _measure_on(ns, images, names, k):
    """The example's own measure(), run on other images: it reads images, references and lowpassed as globals."""
    spectrum = torch.fft.fft2(images)
    with torch.no_grad():
        references = {k: torch.stack([ns["reference"](images, k, phase, spectrum) for phase in ns["PHASES"]])}
        scope = {**ns, "images": images, "references": references, "lowpassed": {k: ns["lowpass"](images, k)}}
    measure = type(ns["measure"])(ns["measure"].__code__, scope, "measure", ns["measure"].__defaults__)
    return {name: measure(ns["modules"][name, k], k) for name in names}


def test_the_bullets_hold_on_128x128_images_not_on_every_64x64_draw(ns):
    # Review 52: the page explained "error rewards keeping the passband" by 1/f images in general; on 64x64 ones
    # more of the energy lies above the limit, and some of its statements fail on some seeds
    assert tuple(ns["images"].shape[-2:]) == (128, 128)
    for k in (2, 4):
        shares = []
        for size in (32, 64, 128, 256):
            f = torch.fft.fftfreq(size).abs()
            power = ns["random_images"](1, size, torch.Generator().manual_seed(0)).cpu().double()
            power = torch.fft.fft2(power).abs() ** 2
            inside = (f < 0.5 / k).view(-1, 1) & (f < 0.5 / k).view(1, -1)
            shares.append((power[..., ~inside].sum() / power.sum()).item())
        assert shares == sorted(shares, reverse=True), (k, shares)
    names = ("AvgPool2d(k)", "bilinear, antialias")
    pools = ("MaxPool2d(k)", "LPPool2d(2, k) / k")
    below, growth, lp_farther = [], [], []
    for seed in range(6):
        images = ns["random_images"](8, 64, torch.Generator().manual_seed(seed))
        at2, at4 = _measure_on(ns, images, names, 2), _measure_on(ns, images, names + pools, 4)
        below.append(at4["AvgPool2d(k)"]["error"] < at4["bilinear, antialias"]["error"])
        growth.append(at4["AvgPool2d(k)"]["folded"] / at2["AvgPool2d(k)"]["folded"])
        lp_farther.append(at4[pools[1]]["error"] > at4[pools[0]]["error"])
    assert not all(below) and any(below), below
    # Review 55: "grows by more than a tenth" was no contrast: on the 128x128 images of seed 0 it grows by 13%
    assert max(growth) > 1.2 and min(growth) > 1.1, growth
    assert not all(lp_farther) and any(lp_farther), lp_farther
    # on the page's 128x128 images both hold, on another seed (0) too
    images = ns["random_images"](8, 128, torch.Generator().manual_seed(0))
    at2, at4 = _measure_on(ns, images, names, 2), _measure_on(ns, images, names, 4)
    assert at4["AvgPool2d(k)"]["error"] < at4["bilinear, antialias"]["error"]
    # Review 65: the page cited seed 0's growth (13%, the most of 30 seeds) as if it were its own images'; they are
    # seed 1's, where it grows by 9%. Over ten seeds of 128x128 images it stays below a fifth
    assert torch.equal(ns["images"], ns["random_images"](8, 128, torch.Generator().manual_seed(1)))
    own = ns["measured"]["AvgPool2d(k)", 4]["folded"] / ns["measured"]["AvgPool2d(k)", 2]["folded"]
    assert 1 < own < 1.1, own
    growth = [at4["AvgPool2d(k)"]["folded"] / at2["AvgPool2d(k)"]["folded"]]
    for seed in range(1, 10):
        images = ns["random_images"](8, 128, torch.Generator().manual_seed(seed))
        at2, at4 = (_measure_on(ns, images, ("AvgPool2d(k)",), k)["AvgPool2d(k)"]["folded"] for k in (2, 4))
        growth.append(at4 / at2)
    assert max(growth) < 1.2 and growth[0] > 1.1, growth
    assert_pages_say(
        ("downsample-methods.md", "by less than a tenth on this page's own, which are seed 1's"),
        ("downsample-methods.zh.md", "本页自己的图像用的是种子 1，增长不到一成"),
    )


def test_accuracies_within_the_spread_are_one_draw_of_the_data_max_pooling_falls_below_on_others(ns):
    # Review 52: "the test accuracies are within each other's spread" read as a rule; it is the data of seed 2
    acc = {name: v["accuracy"][0] for name, v in ns["cnn_results"].items()}
    assert min(acc, key=acc.get) == "MaxPool2d(2)"
    cpu = torch.device("cpu")  # on the CPU whatever the build device: no TF32 to move the thin margins
    fit = ns["fit_classifier"]
    fit_classifier = type(fit)(fit.__code__, {**ns, "device": cpu}, "fit_classifier", fit.__defaults__)
    for data_seed in (5, 14):
        generator = torch.Generator().manual_seed(data_seed)
        (train_x, train_y), (test_x, test_y) = (
            (x.to(cpu), y.to(cpu)) for x, y in (ns["stripes"](512, generator), ns["stripes"](256, generator))
        )
        runs = {name: [] for name in ("MaxPool2d(2)", "AvgPool2d(2)")}
        for seed in range(5):
            for name in runs:
                torch.manual_seed(seed)
                block = ns["small_cnn"](ns["variants"][name])
                with torch.no_grad():
                    classify = fit_classifier(block(ns["crop"](train_x)), train_y)
                    runs[name].append((classify(block(ns["crop"](test_x))) == test_y).float().mean().item())
        (low, low_std), (high, high_std) = (
            (torch.tensor(v).mean().item(), torch.tensor(v).std().item()) for v in runs.values()
        )
        assert high - low > low_std + high_std, (data_seed, runs)


@pytest.mark.parametrize("mode, resample", [("bilinear", "BILINEAR"), ("bicubic", "BICUBIC"), ("lanczos", "LANCZOS")])
def test_on_the_cpu_an_axis_whose_size_the_scale_factor_keeps_is_copied_not_spaced_by_one_over_the_factor(
    mode, resample
):
    # Review 59: "torch spaces its samples by 1/scale_factor" held only along an axis whose size changes: the CPU's
    # antialiased kernels skip an axis that keeps its size, so 1.05 on 10 pixels is a copy, as in Pillow
    # (CUDA's upsample_gen2d_aa_out_frame has no such shortcut and steps by 1/1.05: from the source, not run here)
    generator = torch.Generator().manual_seed(5)
    for width in range(2, 21):
        x = torch.rand(1, 1, 8, width, generator=generator, dtype=torch.float64)
        copied = F.interpolate(x, size=(4, width), mode=mode, antialias=True)
        pillow = np.asarray(
            Image.fromarray(x[0, 0].float().numpy(), mode="F").resize((width, 4), getattr(Image.Resampling, resample))
        )
        torch.testing.assert_close(copied[0, 0], torch.from_numpy(pillow.copy()).double(), atol=1e-6, rtol=0)
        for factor in (1.01, 1 + 0.5 / width, 1 + 0.99 / width):
            kept = F.interpolate(x, scale_factor=(0.5, factor), mode=mode, antialias=True)
            assert kept.shape[-1] == width
            assert torch.equal(kept, copied), (width, factor)
        # one pixel more and the factor sets the spacing again: 1/(1 + 1/width) is not the ratio of the sizes
        grown = F.interpolate(x, scale_factor=(0.5, 1 + 1.01 / width), mode=mode, antialias=True)
        assert grown.shape[-1] == width + 1
        assert (grown - F.interpolate(x, size=(4, width + 1), mode=mode, antialias=True)).abs().max() > 1e-6


def test_the_zh_pages_name_cudas_antialiased_kernel_and_the_taps_with_the_glossary_terms():
    # Review 115: the zh sentence on CUDA's antialiased kernel (Pillow comparison, here and on Frequency response)
    # said 抗锯齿核函数, and Aliasing's test recomputed the tones 'from the filter's 系数'; the glossary writes
    # antialiasing 抗混叠 and a tap 权重 (抗锯齿 and 系数 only as what readers also say) and a compute kernel 内核,
    # and the zh pages use the glossary's column
    pages = ("downsample-methods.zh.md", "frequency-response.zh.md", "aliasing.zh.md")
    for page in pages:
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "核函数" not in text, page
        assert text.count("抗锯齿") == (1 if page == "aliasing.zh.md" else 0), page  # aliasing's one "也译作" gloss
        assert "滤波器系数" not in text, page
    assert_pages_say(
        *((page, "CUDA 的抗混叠内核在这样的轴上也按 1/1.05 的间隔采样") for page in pages[:2]),
        ("aliasing.zh.md", "本页的测试会根据滤波器的权重重新算一遍"),
    )


def test_the_examples_docstring_names_the_usual_ways_to_halve_not_all_of_them():
    """Review r128-5: the example's docstring, the first cell of its notebook, said "All the ways PyTorch can halve a
    feature map ... every mode of F.interpolate", where the page measures "the usual ways ... not F.grid_sample with
    a scaled grid, nor FractionalMaxPool2d": both halve a map with no parameters, and linear and trilinear refuse the
    4-D maps measured here."""

    source = (ROOT / "examples" / "downsample_methods.py").read_text(encoding="utf-8")
    docstring = docstring_of(source)
    assert "All the ways" not in docstring
    assert docstring.startswith("Ways to shrink, measured. The usual ways to halve a feature map in PyTorch")
    assert "every mode of ``F.interpolate`` that takes 4-D input (not linear, trilinear;" in docstring
    assert "not F.grid_sample with a scaled grid, nor FractionalMaxPool2d." in docstring
    # the two left out halve a map, parameter-free, on every size tried
    identity = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
    for side in (2, 4, 7, 8, 128):
        x = torch.rand(1, 3, side, side)
        half = side // 2
        grid = F.affine_grid(identity, (1, 3, half, half), align_corners=False)
        assert F.grid_sample(x, grid, align_corners=False).shape == (1, 3, half, half)
        pool = nn.FractionalMaxPool2d(2, output_size=half)
        assert pool(x).shape == (1, 3, half, half) and not list(pool.parameters())
    # the two modes of F.interpolate left out refuse a 4-D map
    for mode in ("linear", "trilinear"):
        with pytest.raises(NotImplementedError, match="4D input"):
            F.interpolate(torch.rand(1, 1, 8, 8), scale_factor=0.5, mode=mode)


def test_the_intro_says_which_methods_get_which_measures(ns):
    """Review r129-5: the page's first paragraph and the example's docstring said every method is measured "the same
    way": its error against the ideal, the energy that folds back, its shift error, its parameters and its time. The
    nonlinear methods get no folded energy (the table prints n/a), and PixelUnshuffle, which drops nothing, only its
    parameters and time."""

    nonlinear = {name for (name, k), m in ns["measured"].items() if not m["linear"]}
    assert {"MaxPool2d(k)", "LPPool2d(2, k) / k", "MaxBlurPool [1,4,6,4,1]"} <= nonlinear
    for (name, k), m in ns["measured"].items():
        assert {"error", "shift"} <= m.keys(), (name, k)
        assert ("folded" in m) == (name not in nonlinear), (name, k)
    assert "PixelUnshuffle(k)" in ns["METHODS"] and not any(name == "PixelUnshuffle(k)" for name, _ in ns["measured"])
    assert "PixelUnshuffle(k)" in ns["timed"]
    table = printed_by("downsample_methods.py")
    row = next(line for line in table.splitlines() if line.startswith("| PixelUnshuffle(k) |"))
    assert row.count("n/a") == 4, row  # error, passband, folded, shift; parameters and time are there
    source = (ROOT / "examples" / "downsample_methods.py").read_text(encoding="utf-8")
    docstring = docstring_of(source)
    assert "Each one is measured the same way: " not in docstring
    assert "Each one is measured the same way, where the measure applies:" in docstring
    assert (
        "(linear methods only)" in docstring and "(PixelUnshuffle, which drops nothing: only the last two)" in docstring
    )
    assert_pages_say(
        (
            "downsample-methods.md",
            "measures each one the same way, where the measure applies: how far it is from an ideal",
        ),
        ("downsample-methods.md", "how much energy folds back (for the linear methods only)"),
        ("downsample-methods.md", "(`PixelUnshuffle`, which drops nothing, gets only the last two)"),
        ("downsample-methods.zh.md", "用同一套标准逐一测量（只测适用的项）"),
        ("downsample-methods.zh.md", "有多少能量折叠回来（只对线性方法测）"),
        ("downsample-methods.zh.md", "（`PixelUnshuffle` 什么都不丢，只测最后两项）"),
    )
    for page in ("downsample-methods.md", "downsample-methods.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert "measures each one the same way: how far" not in text and "用同一套标准逐一测量：" not in text


def test_the_methods_cells_comment_says_maxblurpool_repeats_its_dense_max_too(ns):
    """Review r129-5: the methods cell's comment said "Factors above 2 repeat the 2x BlurPool", as if only the blur
    were repeated; at 4x MaxBlurPool repeats its whole 2x step, the 2x2 dense max included (as the page says: "BlurPool
    and MaxBlurPool repeat their 2x step"), which one max followed by two BlurPools does not compute."""
    source = (ROOT / "examples" / "downsample_methods.py").read_text(encoding="utf-8")
    cell = source.split("# %% methods")[1].split("# %%")[0]
    comment = " ".join(line.lstrip("# ") for line in cell.splitlines() if line.startswith("#"))
    assert "repeat the 2x BlurPool," not in comment
    assert "repeat the whole 2x step of BlurPool and of MaxBlurPool (its dense max included)" in comment
    x = torch.randn(1, 1, 32, 32, generator=torch.Generator().manual_seed(129))
    for name in ("MaxBlurPool [1,1]", "MaxBlurPool [1,2,1]", "MaxBlurPool [1,4,6,4,1]"):
        module = ns["modules"][name, 4].cpu()
        assert len(module) == 2 and all(isinstance(stage, ns["MaxBlurPool"]) for stage in module), name
        one_max = ns["BlurPool"](filter_size=module[0].filter_size)
        with torch.no_grad():
            once = one_max(one_max(F.max_pool2d(x, 2, stride=1)))
            assert once.shape == module(x).shape and not torch.allclose(once, module(x)), name
    assert_pages_say(("downsample-methods.md", "For *k* = 4, BlurPool and MaxBlurPool repeat their 2× step"))


def test_pixel_unshuffles_channel_layout_is_the_one_the_cell_states():
    # Review r130-5: the line said "channel 0 of the packed map" while comparing packed[:, 0::4], the first packed
    # channel of each of the 3 input channels. The comment's layout (channel k*k*c + k*i + j) holds for any
    # channel count, factor and size.
    assert "channels 0, 4, 8 of the packed map are x[..., ::2, ::2]: True" in printed_by("downsample_methods.py")
    for channels, k, h, w in itertools.product((1, 3, 5), (2, 3), (1, 2, 3), (1, 4)):
        x = torch.randn(2, channels, h * k, w * k)
        packed = nn.PixelUnshuffle(k)(x)
        for c, i, j in itertools.product(range(channels), range(k), range(k)):
            assert torch.equal(packed[:, c * k * k + i * k + j], x[:, c, i::k, j::k]), (channels, k, c, i, j)


def test_the_zh_page_names_the_feature_change_column_as_the_zh_table_heads_it():
    """Review r132-5: the zh page defined the CNN table's column as *feature change*（特征变化）, an English head the
    zh table does not show (translations.yml heads it 平移 1 像素后特征的变化); it now names it by its zh head."""
    heads = {}
    for line in (ROOT / "docs" / "translations.yml").read_text(encoding="utf-8").splitlines():
        key, _, value = line.strip().partition('": "')
        heads[key.lstrip('"')] = value.rstrip('"')
    english = "feature change after a 1-px shift"
    assert english in (ROOT / "examples" / "downsample_methods.py").read_text(encoding="utf-8")
    page = " ".join((ROOT / "docs" / "downsample-methods.zh.md").read_text(encoding="utf-8").split())
    assert f"“{heads[english]}”一列" in page
    assert "*feature change*" not in page


def test_the_figure_is_announced_with_the_three_measures_it_draws(ns):
    """Review r132-5: the page announced the figure as 'The same measures at 2× and 4×', after a table of seven
    columns (parameters, error, passband loss, folded energy, shift error, time); the figure draws three of them, error,
    folded energy (linear methods only) and shift error, and leaves PixelUnshuffle out."""
    titles = ["error vs ideal low-pass", "folded energy (linear methods)", "shift error (1 px)"]
    assert list(ns["titles"].values()) == titles
    assert [ax.get_title() for ax in ns["figure"].axes[:3]] == titles
    assert "passband" not in ns["titles"] and "PixelUnshuffle(k)" not in ns["names"]
    assert_pages_say(
        (
            "downsample-methods.md",
            "Three of them, error vs ideal, folded energy (linear methods only) and shift error, at 2× and 4× "
            "(`PixelUnshuffle`, which has none of them, is left out):",
        ),
        (
            "downsample-methods.zh.md",
            "其中三项指标（与理想低通参考的误差、折叠能量（仅线性方法）和平移误差），2 倍与 4 倍对比"
            "（`PixelUnshuffle` 这三项都没有，图中不画）：",
        ),
    )
    for page, old in (
        ("downsample-methods.md", "The same measures at 2×"),
        ("downsample-methods.zh.md", "同样的指标，"),
    ):
        assert old not in (ROOT / "docs" / page).read_text(encoding="utf-8")


def test_the_zh_page_quotes_the_yes_of_the_same_operation_table_as_the_zh_table_shows_it():
    """Review r133-5: the zh page said 表中的“相同”允许浮点舍入误差 for the en 'a "yes" allows float rounding', but the zh
    table's cells read 是 and 否 (translations.yml), 相同 only in its heads; it now quotes “是”."""
    from sitegen.translate import Translations, translate_output

    printed = printed_by("downsample_methods.py")
    head = "| | | same to 1e-5 at 2x | same to 1e-5 at 4x |"
    lines = printed.split(head + "\n")[1].splitlines()
    table = "\n".join([head, *lines[: next(i for i, line in enumerate(lines) if not line.startswith("|"))]])
    assert len(table.splitlines()) == 2 + 8  # the head, the rule and a row per pair
    zh = translate_output(Translations.load(ROOT / "docs" / "translations.yml"), table, "zh", True)
    cells = {cell.strip() for row in zh.splitlines()[2:] for cell in row.strip("|").split("|")[2:]}
    assert cells <= {"是", "否"} and "是" in cells, cells
    assert_pages_say(
        ("downsample-methods.md", 'so a "yes" allows float rounding'),
        ("downsample-methods.zh.md", "所以表中的“是”允许浮点舍入误差"),
    )
    assert "“相同”允许" not in (ROOT / "docs" / "downsample-methods.zh.md").read_text(encoding="utf-8")


def test_the_cnn_shifts_comment_says_which_way_the_crop_and_which_way_the_image_moves():
    """Review r137-5: the CNN cell labelled its shifts (dy, dx) = (0, 1), (0, -1), (1, 0), (-1, 0) "one pixel right,
    left, down, up", the page's "each test image is shifted by one pixel in each of four directions"; but they move
    the crop window, so the image content in the crop moves the other way: (0, 1) moves it one pixel left."""
    import ast

    source = (ROOT / "examples" / "downsample_methods.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    crop_def = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "crop")
    shifts_line = next(line for line in source.splitlines() if line.startswith("shifts = "))
    scope = {}
    exec(ast.unparse(crop_def) + "\n" + shifts_line.split("#")[0], scope)
    x = torch.randn(1, 1, 26, 26, generator=torch.Generator().manual_seed(0))
    still = scope["crop"](x)
    content_moves = []
    for dy, dx in scope["shifts"]:
        moved = scope["crop"](x, dy, dx)
        # the direction the content moves: the one in which the moved crop matches the still one shifted
        for name, (my, mx) in {"left": (0, -1), "right": (0, 1), "up": (-1, 0), "down": (1, 0)}.items():
            if torch.equal(still.roll((my, mx), dims=(-2, -1))[..., 1:-1, 1:-1], moved[..., 1:-1, 1:-1]):
                content_moves.append(name)
    assert content_moves == ["left", "right", "up", "down"]
    assert shifts_line.endswith(
        "# the crop moves one pixel right, left, down, up: the image content left, right, up, down"
    )


def test_the_pointer_for_bilinear_past_2_to_the_23_lands_on_the_section_that_states_it():
    """Review r140-5: "(see [Aliasing, seen](aliasing.md) for why and what goes wrong past that)" opened at that
    page's top; the reason (float32 positions rounding onto a pixel past 2^23 + 1) is stated in its section "Shrunk by
    2, 4 and 8" (zh 缩小 2、4、8 倍), and in no section before it."""
    for page, heading, slug, words in (
        ("aliasing.md", "## Shrunk by 2, 4 and 8", "shrunk-by-2-4-and-8", "past that its float32 positions round onto"),
        ("aliasing.zh.md", "## 缩小 2、4、8 倍", "缩小-248-倍", "2^23 + 1"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        before, section = text.split(heading + "\n")
        section = section.split("\n## ")[0]
        assert words not in before and words in section, page
        # the slug is the heading as the site builds it: lower case, punctuation dropped, spaces to hyphens
        assert re.sub(r"[^\w\- ]", "", heading[3:]).strip().lower().replace(" ", "-") == slug
    assert_pages_say(
        ("downsample-methods.md", "(see [Aliasing, seen](aliasing.md#shrunk-by-2-4-and-8) for why and what goes wrong"),
        ("downsample-methods.zh.md", "原因以及超过之后出什么错，见[混叠可视化](aliasing.md#缩小-248-倍)"),
    )


def test_the_one_pixel_short_pointer_lands_on_the_section_that_states_it():
    """Review r140-5: "...comes out one pixel short ...: see [Why is there no nn.Downsample?](why-no-downsample.md)"
    opened at that page's top; the size that comes out one short and the single block that raises are stated in its
    section "Resampling: where F.interpolate equals pooling" (zh 重采样：F.interpolate 什么时候等于池化)."""
    for page, heading, slug, words in (
        (
            "why-no-downsample.md",
            "## Resampling: where F.interpolate equals pooling",
            "resampling-where-finterpolate-equals-pooling",
            "comes out one\nshort for many sizes",
        ),
        (
            "why-no-downsample.zh.md",
            "## 重采样：F.interpolate 什么时候等于池化",
            "重采样finterpolate-什么时候等于池化",
            "会少一个像素；如果输入只有一个块",
        ),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        before, section = text.split(heading + "\n")
        section = section.split("\n## ")[0]
        assert words not in before and words in section, page
        assert re.sub(r"[^\w\- ]", "", heading[3:]).strip().lower().replace(" ", "-") == slug
    assert_pages_say(
        (
            "downsample-methods.md",
            "[Why is there no nn.Downsample?](why-no-downsample.md#resampling-where-finterpolate-equals-pooling))",
        ),
        (
            "downsample-methods.zh.md",
            "见[为什么没有 nn.Downsample？](why-no-downsample.md#重采样finterpolate-什么时候等于池化)）",
        ),
    )
