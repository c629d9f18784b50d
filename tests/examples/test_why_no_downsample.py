"""The claims of docs/why-no-downsample*.md, asserted on the values its example computes."""

import ast
import itertools
import json
import math
import random
import warnings
from fractions import Fraction

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import ROOT, assert_pages_say, docstring_of, printed_by, run_example, run_in_generic_x86_code, run_python

POOL = {
    1: (F.max_pool1d, F.avg_pool1d, F.conv1d),
    2: (F.max_pool2d, F.avg_pool2d, F.conv2d),
    3: (F.max_pool3d, F.avg_pool3d, F.conv3d),
}


@pytest.fixture(scope="module")
def ns():
    return run_example("why_no_downsample.py")


def test_interpolate_docs_say_down_and_up(ns):
    assert F.interpolate.__doc__.strip().startswith("Down/up samples the input")


def test_upsample_docs_send_downsampling_to_interpolate(ns):
    assert "interpolate" in ns["advice"] and "downsampling" in ns["advice"]


def test_there_is_no_nn_downsample():
    assert not hasattr(nn, "Downsample")


def test_every_method_but_pixel_unshuffle_gives_the_same_shape(ns):
    shapes = {name: tuple(out.shape) for name, out in ns["halves"].items()}
    assert shapes.pop("PixelUnshuffle(2)") == (1, 12, 300, 256)
    assert set(shapes.values()) == {(1, 3, 300, 256)}


def test_only_the_convolutions_hold_weights(ns):
    for name, method in ns["methods"].items():
        state = method.state_dict() if isinstance(method, nn.Module) else {}
        assert bool(state) == name.startswith("Conv2d"), name


def test_pixel_unshuffle_keeps_every_value(ns):
    assert torch.equal(nn.PixelShuffle(2)(ns["halves"]["PixelUnshuffle(2)"]), ns["image"])


def test_averaging_conv_and_adaptive_pool_and_upsample_reproduce_avg_pool(ns):
    h = ns["halves"]
    for name in (
        "Conv2d(stride=2), averaging",
        "AdaptiveAvgPool2d((300, 256))",
        "interpolate(bilinear)",
        "Upsample(scale_factor=0.5, bilinear)",
    ):
        torch.testing.assert_close(h[name], h["AvgPool2d(2)"], msg=name)
    assert (h["Conv2d(stride=2), random"] - h["AvgPool2d(2)"]).abs().max() > 0.1
    assert (h["Conv2d(stride=2), random"] - h["MaxPool2d(2)"]).abs().max() > 0.1


def affine_residual(f, a, b):
    return f(a + b) - f(a) - f(b) + f(torch.zeros_like(a))


@pytest.mark.parametrize("rank", [1, 2, 3])
def test_max_pool_is_not_affine_so_no_convolution_computes_it(ns, rank):
    # Every convolution (any weights, any bias) passes the affine test; max pooling fails it.
    generator = torch.Generator().manual_seed(rank)
    conv = (nn.Conv1d, nn.Conv2d, nn.Conv3d)[rank - 1](2, 3, 2, stride=2).double()
    max_pool, avg_pool, _ = POOL[rank]
    for _ in range(5):
        a, b = (torch.randn((2, 2) + (4,) * rank, generator=generator, dtype=torch.float64) for _ in range(2))
        torch.testing.assert_close(affine_residual(conv, a, b), torch.zeros_like(conv(a)), atol=1e-12, rtol=0)
        torch.testing.assert_close(
            affine_residual(lambda x: avg_pool(x, 2), a, b), torch.zeros_like(avg_pool(a, 2)), atol=1e-12, rtol=0
        )
    # the page's pair of one-hot images, in every rank: max(a + b) = 1, max(a) + max(b) = 2
    a, b = (
        torch.zeros((1, 1) + (2,) * rank, dtype=torch.float64),
        torch.zeros((1, 1) + (2,) * rank, dtype=torch.float64),
    )
    a.view(-1)[0], b.view(-1)[-1] = 1, 1
    assert affine_residual(lambda x: max_pool(x, 2), a, b).item() == -1
    with torch.no_grad():
        assert affine_residual(ns["single_channel"]["MaxPool2d(2)"], ns["a"], ns["b"]).item() == -1


@pytest.mark.parametrize("rank", [1, 2, 3])
def test_max_pool_of_one_pixel_windows_is_a_convolution_so_the_rule_names_kernel_size_1(rank):
    # Review 49: the page said "Max pooling is not a convolution, for any weights" and "no convolution ... computes
    # max pooling". With kernel_size=1 every window holds one pixel, and max pooling slices at its stride: a 1x1
    # convolution of weight 1 (groups=C, no bias), ceil_mode too, up to the sign of a zero (torch.equal counts -0.0 ==
    # 0; see test_max_pooling_of_one_pixel_windows_is_a_convolution_of_weight_1_only_up_to_the_sign_of_a_zero). The
    # rule now excludes it.
    max_pool, _, _ = POOL[rank]
    conv = (F.conv1d, F.conv2d, F.conv3d)[rank - 1]
    generator = torch.Generator().manual_seed(49 + rank)
    for size in (1, 4, 5, 7):
        x = torch.randn((2, 3) + (size,) * rank, generator=generator)
        for stride in (1, 2, 3):
            weight = torch.ones((3, 1) + (1,) * rank)
            for ceil_mode in (False, True):
                pooled = max_pool(x, 1, stride=stride, ceil_mode=ceil_mode)
                assert torch.equal(pooled, conv(x, weight, stride=stride, groups=3)), (size, stride, ceil_mode)
    for name, texts in (
        (
            "why-no-downsample.md",
            (
                "(with `kernel_size=1`, or with",
                "computes max pooling once a window holds two or more input pixels.",
                "never become a max pooling in which a window holds two or more input pixels.",
            ),
        ),
        (
            "why-no-downsample.zh.md",
            (
                "（`kernel_size=1` 时，或者",
                "就没有哪个卷积能算出这样的最大池化。",
                "它就永远学不成这样的最大池化。",
            ),
        ),
    ):
        page = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert all(text in page for text in texts), name


def test_avg_pool_is_a_fixed_strided_convolution_over_its_whole_domain():
    # Ranks 1-3, kernels 1-5, strides 1-6, padding up to k // 2 (count_include_pad=True, the
    # default), odd and even sizes down to the kernel size, negative values.
    rng = random.Random(0)
    cases = list(itertools.product([1, 2, 3], range(1, 6), range(1, 7), range(3)))
    for rank, k, stride, padding in cases:
        if padding > k // 2:
            continue
        size = tuple(rng.randint(k, 13) for _ in range(rank))
        x = torch.randn((2, 3) + size, dtype=torch.float64)
        _, avg_pool, conv = POOL[rank]
        weight = torch.full((3, 1) + (k,) * rank, 1.0 / k**rank, dtype=torch.float64)
        torch.testing.assert_close(
            avg_pool(x, k, stride, padding),
            conv(x, weight, stride=stride, padding=padding, groups=3),
            atol=1e-12,
            rtol=0,
        )


def test_avg_pool_stops_being_a_convolution_where_the_page_says(ns):
    x = torch.rand(1, 1, 5, 5, dtype=torch.float64, generator=torch.Generator().manual_seed(0)) + 0.1
    weight = torch.full((1, 1, 2, 2), 0.25, dtype=torch.float64)
    excluded = F.avg_pool2d(x, 2, 2, padding=1, count_include_pad=False)
    assert (excluded - F.conv2d(x, weight, stride=2, padding=1)).abs().max() > 0.01
    ceil = F.avg_pool2d(x, 2, 2, ceil_mode=True)
    assert ceil.shape[-1] == 3 and (ceil - F.conv2d(F.pad(x, (0, 1, 0, 1)), weight, stride=2)).abs().max() > 0.01
    assert ceil[0, 0, -1, -1] == x[0, 0, 4, 4]  # the corner window covers one pixel and averages over it alone
    # with padding, ceil_mode counts the padding but not the overhang past it
    line = F.avg_pool1d(torch.ones(1, 1, 4, dtype=torch.float64), 3, 2, 1, ceil_mode=True)[0, 0]
    assert line.tolist() == [2 / 3, 1.0, 0.5]  # windows [-1, 2), [1, 4), [3, 6): 1 + pad over 2
    # ... unless count_include_pad=False too: then every window is averaged over its pixels alone
    both = F.avg_pool1d(torch.ones(1, 1, 4, dtype=torch.float64), 3, 2, 1, ceil_mode=True, count_include_pad=False)
    assert both[0, 0].tolist() == [1.0, 1.0, 1.0]


def test_divisor_override_keeps_avg_pool_a_convolution_with_weights_one_over_d():
    generator = torch.Generator().manual_seed(7)
    for rank in (2, 3):
        _, avg_pool, conv = POOL[rank]
        for k, stride, padding, d in ((2, 2, 0, 3), (3, 2, 1, 5), (3, 1, 1, 1)):
            x = torch.randn((1, 2) + (7,) * rank, generator=generator, dtype=torch.float64)
            weight = torch.full((2, 1) + (k,) * rank, 1.0 / d, dtype=torch.float64)
            pooled = avg_pool(x, k, stride, padding, divisor_override=d)
            torch.testing.assert_close(
                pooled, conv(x, weight, stride=stride, padding=padding, groups=2), atol=1e-12, rtol=0
            )
    with pytest.raises(TypeError):  # 1-D has no such option
        F.avg_pool1d(torch.rand(1, 1, 8), 2, divisor_override=3)


def test_every_example_case_of_avg_pool_as_conv_is_float_rounding(ns):
    for x, k, stride, padding in ns["cases"]:
        pooled = ns["avg_pool"][x.dim() - 3](x, k, stride, padding)
        with ns["full_float32"]():
            assert (pooled - ns["avg_pool_as_conv"](x, k, stride, padding)).abs().max() < 1e-6


def test_max_pool_commutes_with_non_decreasing_activations_over_its_whole_domain():
    rng = random.Random(1)
    # bit for bit; tanh too (its SIMD and scalar code agree: 1200 random cases, float32 and float64, default, AVX2 and
    # AVX-512 code, checked in review r138)
    activations = (F.relu, F.leaky_relu, F.hardtanh, F.relu6, torch.tanh)
    rounded = (F.elu, torch.sigmoid)  # exp-based: SIMD and scalar code round differently
    for rank in (1, 2, 3):
        max_pool = POOL[rank][0]
        for _ in range(40):
            k = rng.randint(1, 4)
            options = dict(
                kernel_size=k,
                stride=rng.randint(1, 4),
                padding=rng.randint(0, k // 2),
                dilation=rng.randint(1, 2),
                ceil_mode=rng.random() < 0.5,
            )
            size = tuple(rng.randint(options["dilation"] * (k - 1) + 1, 11) for _ in range(rank))
            x = 3 * torch.randn((2, 2) + size)
            for act in activations:
                assert torch.equal(max_pool(act(x), **options), act(max_pool(x, **options))), (act, options, size)
            for act in rounded:
                torch.testing.assert_close(
                    max_pool(act(x), **options), act(max_pool(x, **options)), atol=2e-7, rtol=2e-7
                )


def test_max_pool_and_relu_can_differ_in_the_sign_of_zero():
    # Only the CPU's ReLU is run here; CUDA's returned +0.0 for -0.0 in torch 2.11 (pytorch/pytorch#181533), so
    # the page scopes the rule to the CPU.
    for name, text in (
        ("why-no-downsample.md", "on the CPU, ReLU keeps −0.0"),
        ("why-no-downsample.zh.md", "在 CPU 上，ReLU 把 −0.0 保留为 −0.0"),
    ):
        assert text in (ROOT / "docs" / name).read_text(encoding="utf-8"), name

    def sign_bits(t):
        return t.view(torch.int32)

    x = torch.tensor([-1.0, -0.0, -1.0, -1.0]).view(1, 1, 2, 2)
    assert not torch.equal(sign_bits(F.relu(F.max_pool2d(x, 2))), sign_bits(F.max_pool2d(F.relu(x), 2)))
    x = torch.tensor([-1e-45, 0.0, -1.0, -1.0]).view(1, 1, 2, 2)
    assert not torch.equal(sign_bits(F.leaky_relu(F.max_pool2d(x, 2))), sign_bits(F.max_pool2d(F.leaky_relu(x), 2)))
    # with -0.0 before -1 the pool keeps the first of the two zeros ReLU makes, so both orders agree
    x = torch.tensor([-0.0, -1.0, -1.0, -1.0]).view(1, 1, 2, 2)
    assert torch.equal(sign_bits(F.relu(F.max_pool2d(x, 2))), sign_bits(F.max_pool2d(F.relu(x), 2)))


@pytest.mark.skipif(
    torch.backends.cpu.get_cpu_capability() == "DEFAULT", reason="a torch CPU build without SIMD kernels"
)
def test_exp_based_activations_round_differently_in_simd_and_scalar_code():
    # The page's reason: on the CPU, one value alone (scalar code) vs inside a long tensor (SIMD).
    x = -3 * torch.rand(4096, generator=torch.Generator().manual_seed(4))
    for act in (F.elu, torch.sigmoid):
        alone = torch.cat([act(v.view(1)) for v in x[:1000]])
        assert not torch.equal(alone, act(x)[:1000]), act
        torch.testing.assert_close(alone, act(x)[:1000], atol=2e-7, rtol=2e-7)
    for act in (F.relu, F.leaky_relu, F.hardtanh):
        assert torch.equal(torch.cat([act(v.view(1)) for v in x[:1000]]), act(x)[:1000]), act


_GENERIC_EXP_ORDERS_CODE = """
import torch, torch.nn.functional as F
g = torch.Generator().manual_seed(0)
same = torch.equal(F.max_pool2d(torch.sigmoid(torch.full((1, 1, 2, 16), -16.716745)), 2),
                   torch.sigmoid(F.max_pool2d(torch.full((1, 1, 2, 16), -16.716745), 2)))
for rows in (1, 3, 7, 16, 33):
    for _ in range(10):
        x = (torch.rand(2, 3, 2 * rows, 34, generator=g) - 0.7) * 40
        for act in (F.elu, lambda t: F.elu(t, alpha=2.5), torch.sigmoid):
            same &= torch.equal(F.max_pool2d(act(x), 2), act(F.max_pool2d(x, 2)))
print(same)
"""


def test_exp_based_activations_and_max_pool_agree_bit_for_bit_in_generic_x86_code():
    # Review r91-1: the page said "on the CPU" the SIMD and scalar code of ELU round differently, so the two orders
    # can differ; torch's generic x86 code (what a CPU without AVX2 runs) computes both alike, and ELU and sigmoid
    # commute with max pooling bit for bit there, the page's 2x16 sigmoid image included: now "on an AVX2 or
    # AVX-512 CPU" for both
    assert run_in_generic_x86_code(_GENERIC_EXP_ORDERS_CODE).split() == ["True"]
    example = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "# CPU, ELU" not in example  # the shown comment said "On the CPU" too
    assert_pages_say(
        ("why-no-downsample.md", "ELU is computed with `expm1` (sigmoid with `exp`), and on an AVX2 or AVX-512 CPU"),
        ("why-no-downsample.zh.md", "ELU 要用 `expm1` 计算（sigmoid 用 `exp`），在支持 AVX2 或 AVX-512 的 CPU 上，"),
    )


def test_exp_based_activations_commute_only_to_float_rounding(ns):
    # The page: on an AVX2 or AVX-512 CPU, ELU can differ in the last bit between the two orders (SIMD vs scalar).
    # Whether the example's crops hit a differing last bit depends on the CPU's SIMD kernels;
    # that they can is tested above on values alone vs in a long tensor.
    assert ns["elu_gap"] < 1e-6


def test_going_negative_is_not_what_breaks_commuting_decreasing_is(ns):
    # The page: LeakyReLU, Hardtanh and ELU output negative values and commute on the example's
    # features; GELU and SiLU rise again left of their minimum, so they do not.
    features = ns["features"]
    for name, act in ns["activations"].items():
        commutes = torch.equal(F.max_pool2d(act(features), 2), act(F.max_pool2d(features, 2)))
        assert commutes == (name not in ("GELU", "SiLU")), name
        if name != "ReLU":
            assert act(features).min() < -0.05, name
    x = torch.linspace(-6, 0, 6001, dtype=torch.float64)
    for name, act in (("GELU", F.gelu), ("SiLU", F.silu)):
        x_min = ns["minimum"][name]
        assert (
            act(torch.tensor(x_min - 1.0, dtype=torch.float64)) > act(torch.tensor(x_min, dtype=torch.float64)) + 0.05
        )
        assert abs(x[act(x).argmin()].item() - x_min) < 2e-3, name  # independent grid
    assert bool((F.elu(x).diff() >= 0).all())


def test_gelu_silu_and_avg_pool_do_not_commute(ns):
    window = ns["window"]
    for act in (F.gelu, F.silu):
        assert F.max_pool1d(act(window), 2).item() > act(F.max_pool1d(window, 2)).item() + 0.05
    assert ns["avg_gap"]["on the feature map"] > 0.1


def test_avg_pool_and_relu_commute_exactly_where_no_window_mixes_signs(ns):
    # The page: the order matters wherever a window holds both signs, not always. Ranks 1-3,
    # kernels 1-4 (stride = kernel), one random sign per window, then one window made mixed.
    generator = torch.Generator().manual_seed(5)
    for rank in (1, 2, 3):
        avg_pool = POOL[rank][1]
        for k in range(1, 5):
            blocks = (3,) * rank
            signs = torch.randint(0, 2, (1, 2) + blocks, generator=generator) * 2 - 1
            for dim in range(2, 2 + rank):
                signs = signs.repeat_interleave(k, dim)
            x = torch.rand((1, 2) + (3 * k,) * rank, generator=generator, dtype=torch.float64) * signs
            assert torch.equal(avg_pool(F.relu(x), k), F.relu(avg_pool(x, k))), (rank, k)
            if k > 1:  # flip one value of a window of positive values: it now mixes signs
                window = (signs.flatten() > 0).nonzero()[0].item()
                x.view(-1)[window] = -1.0
                assert not torch.equal(avg_pool(F.relu(x), k), F.relu(avg_pool(x, k))), (rank, k)
    assert ns["avg_gap"]["with every window of one sign"] == 0
    # the page's exception: a negative value too small to change the float32 sum
    x = torch.tensor([[[1.0, -1e-10]]])
    assert torch.equal(F.avg_pool1d(F.relu(x), 2), F.relu(F.avg_pool1d(x, 2)))
    # Review 14: and a positive value too small to survive the division (a float32 subnormal)
    for rank in (1, 2, 3):
        x = -torch.ones((1, 1) + (2,) * rank)
        x.view(-1)[0] = 1e-45
        assert x.view(-1)[0] > 0
        assert torch.equal(POOL[rank][1](F.relu(x), 2), F.relu(POOL[rank][1](x, 2))), rank
    # Review 16: and a sum that overflows (3e38 * 3 - 1 is inf either way), and subnormal means
    # that round alike (4 and -1 units of 1.4e-45 over 4 or 8 values: both give 1.4e-45)
    tiny = torch.finfo(torch.float32).smallest_normal * 2.0**-23
    for rank in (2, 3):
        for values in ([3e38, 3e38, 3e38, -1.0], [4 * tiny, -tiny, 0.0, 0.0]):
            x = torch.zeros((1, 1) + (2,) * rank)
            x.view(-1)[:4] = torch.tensor(values)
            assert F.relu(x).sum() != x.sum() or torch.isinf(x.sum())
            assert torch.equal(POOL[rank][1](F.relu(x), 2), F.relu(POOL[rank][1](x, 2))), (rank, values)
    # Review 63: the page said of 1e-45 and -1 that "the division rounds both means to the same number"; the means
    # are 0 (underflow) and -0.5, which ReLU turns into 0. Only subnormal means round alike (Review 16's case).
    x = torch.tensor([[[1e-45, -1.0]]])
    assert F.avg_pool1d(F.relu(x), 2).item() == 0 and F.avg_pool1d(x, 2).item() == -0.5
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert "rounds both means to the same number: 10⁻⁴⁵" not in en and "ReLU turns the mean −0.5 into 0" in en
    assert "4 and −1 times the smallest\n  subnormal, 1.4 × 10⁻⁴⁵, with two zeros average to that subnormal" in en
    assert "而均值 −0.5 经 ReLU 变成 0" in zh and "除法把两种均值舍入成同一个数：10⁻⁴⁵" not in zh
    # Review 30: normal values whose two sums differ by a step, which the division by 9 rounds to one mean
    x = torch.tensor([0.5, 0.3, 0.2, 1.9, 1.4, 1.7, 1.8, 1.5, -(2.0**-20)]).view(1, 1, 3, 3)
    assert not torch.equal(F.avg_pool2d(x, 3, divisor_override=1), F.avg_pool2d(F.relu(x), 3, divisor_override=1))
    assert (x.abs() > 1e-7).all() and torch.isfinite(F.relu(x).sum())
    assert torch.equal(F.avg_pool2d(F.relu(x), 3), F.relu(F.avg_pool2d(x, 3)))
    assert f"{F.avg_pool2d(x, 3).item():.8g}" == "1.0333333"


def test_bilinear_equals_avg_pool_only_at_factor_two():
    # align_corners=False (the default); scale_factor=1/k with whole k up to 100 and some non-whole factors
    generator = torch.Generator().manual_seed(2)
    for n in (4, 5, 6, 7, 9, 16, 31):
        x = torch.randn(1, 2, n, n + 1, generator=generator, dtype=torch.float64)
        torch.testing.assert_close(
            F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2), atol=1e-12, rtol=0
        )
    for k in range(3, 101):
        x = torch.randn(1, 1, 2 * k, 2 * k, generator=generator, dtype=torch.float64)
        assert not torch.allclose(F.interpolate(x, scale_factor=1 / k, mode="bilinear"), F.avg_pool2d(x, k)), k
    x = torch.randn(1, 1, 30, 30, generator=generator, dtype=torch.float64)
    for s in (1 / 1.5, 1 / 2.5, 0.4):
        out = F.interpolate(x, scale_factor=s, mode="bilinear")
        pooled = F.adaptive_avg_pool2d(x, out.shape[-2:])
        assert not torch.allclose(out, pooled), s
    # where factor 2 stops: align_corners=True, and size= on odd sizes
    for n in (5, 7, 9, 11, 13):
        x = torch.randn(1, 1, n, n, generator=generator, dtype=torch.float64)
        assert not torch.allclose(
            F.interpolate(x, scale_factor=0.5, mode="bilinear", align_corners=True), F.avg_pool2d(x, 2)
        )
        assert not torch.allclose(F.interpolate(x, size=(n // 2, n // 2), mode="bilinear"), F.avg_pool2d(x, 2))
        assert not torch.allclose(
            F.interpolate(x, scale_factor=0.5, mode="bilinear", recompute_scale_factor=True), F.avg_pool2d(x, 2)
        )
    for n in (4, 6, 8, 10):  # even sizes: the ratio is 2 again, except with align_corners=True
        x = torch.randn(1, 1, n, n, generator=generator, dtype=torch.float64)
        for options in (dict(size=(n // 2, n // 2)), dict(scale_factor=0.5, recompute_scale_factor=True)):
            torch.testing.assert_close(
                F.interpolate(x, mode="bilinear", **options), F.avg_pool2d(x, 2), atol=1e-12, rtol=0
            )
        assert not torch.allclose(
            F.interpolate(x, scale_factor=0.5, mode="bilinear", align_corners=True), F.avg_pool2d(x, 2)
        )


def test_bilinear_at_odd_factors_is_middle_pixel_slicing(ns):
    # Every odd whole factor up to 99, float32 and float64, 4-D bilinear and 3-D linear. Where
    # the output size comes out short (the factors the page lists), the rows kept are still
    # the middle ones.
    for k in range(3, 100, 2):
        for dtype in (torch.float32, torch.float64):
            for m in (2, 3):
                x = torch.randn(1, 2, m * k, m * k, dtype=dtype)
                out = F.interpolate(x, scale_factor=1 / k, mode="bilinear")
                assert out.shape[-1] in (m, m - 1)
                middle = x[..., k // 2 :: k, k // 2 :: k][..., : out.shape[-2], : out.shape[-1]]
                if dtype == torch.float32:  # bit for bit
                    assert torch.equal(out, middle), (k, m)
                else:  # 1/(1/k) can miss k by a rounding step in float64
                    torch.testing.assert_close(out, middle, atol=1e-12, rtol=0)
        line = torch.randn(1, 1, 4 * k)  # float32
        out = F.interpolate(line, scale_factor=1 / k, mode="linear")
        assert torch.equal(out, line[..., k // 2 :: k][..., : out.shape[-1]]), k
    for k in (2, 4, 6):  # even factors read two pixels per axis
        x = torch.randn(1, 1, 3 * k, 3 * k, dtype=torch.float64)
        assert not torch.allclose(
            F.interpolate(x, scale_factor=1 / k, mode="bilinear"), x[..., k // 2 :: k, k // 2 :: k]
        )
    assert ns["middle_slicing"] == {3: True, 5: True, 7: True}  # the example's photo
    # ...for finite values only: an inf beside the middle pixel (weight 0) gives nan, on every side.
    for k in (3, 5, 9):
        for dy, dx in ((1, 0), (0, 1), (1, 1)):
            x = torch.zeros(1, 1, k, k)
            x[..., k // 2 + dy, k // 2 + dx] = float("inf")
            assert F.interpolate(x, scale_factor=1 / k, mode="bilinear").isnan().all(), (k, dy, dx)
            assert x[..., k // 2 :: k, k // 2 :: k].item() == 0
    assert math.isnan(ns["spike_out"]) and ns["spike"][..., 1::3, 1::3].item() == 0


def test_odd_factor_bilinear_turns_an_inf_in_a_kept_pixel_into_nan_where_an_axis_keeps_its_size():
    # Review 58: the page explained the finite-values limit only by the next pixel read with weight 0, as if an inf in
    # the kept pixel itself came back inf. It does where both axes shrink; where one keeps its size (factor 1, by size=
    # or scale_factor=, from 1 row up), the CPU's kernel adds each pixel to itself along it with weight 0.
    for k in (3, 5, 7):
        for height in (1, 2, 3):
            for dtype in (torch.float32, torch.float64):
                for layout in (torch.contiguous_format, torch.channels_last):
                    for i in range(height):
                        for j in range(2):
                            x = torch.rand(1, 4, height, 2 * k, dtype=dtype)
                            x[:, 1, i, j * k + k // 2] = float("inf")
                            x = x.contiguous(memory_format=layout)
                            kept = x[..., k // 2 :: k]
                            for how in (dict(size=(height, 2)), dict(scale_factor=(1, 1 / k))):
                                out = F.interpolate(x, mode="bilinear", **how)
                                assert torch.equal(out.isnan(), kept.isinf()), (k, height, dtype, layout, how)
                            # both axes shrinking: the inf comes back as it was
                            x = torch.rand(1, 4, 2 * k, 2 * k, dtype=dtype)
                            x[:, 1, i % 2 * k + k // 2, j * k + k // 2] = float("inf")
                            out = F.interpolate(x.contiguous(memory_format=layout), scale_factor=1 / k, mode="bilinear")
                            assert torch.equal(out, x[..., k // 2 :: k, k // 2 :: k]), (k, dtype, layout)
    for name, text in (
        ("why-no-downsample.md", "so an `inf` in a kept pixel itself comes out `nan` too"),
        ("why-no-downsample.zh.md", "被保留的像素本身是 `inf` 时，结果也是 `nan`"),
    ):
        assert text in (ROOT / "docs" / name).read_text(encoding="utf-8"), name


def test_upsample_below_one_downsamples_without_antialias(ns):
    x = ns["image"]
    down = nn.Upsample(scale_factor=0.25, mode="bilinear")(x)
    torch.testing.assert_close(down, F.interpolate(x, scale_factor=0.25, mode="bilinear"), atol=0, rtol=0)
    assert (down - F.interpolate(x, scale_factor=0.25, mode="bilinear", antialias=True)).abs().max() > 0.05
    with pytest.raises(TypeError):
        nn.Upsample(scale_factor=0.5, mode="bilinear", antialias=True)


def test_upsample_is_a_module_that_calls_interpolate_not_the_same_call_for_every_factor():
    # Review r116-1: the page said nn.Upsample "is the same call wrapped in a module". The module turns its
    # scale_factor into a Python float when built: a NumPy float32 factor below 1 sizes area (and
    # recompute_scale_factor=True) from a float32 product in F.interpolate and a float64 one in the module, and
    # F.interpolate refuses a Fraction factor for bilinear, which the module runs
    parted = []
    for n in range(2, 25):
        x = torch.rand(1, 1, n, n)
        for m in range(1, n):
            factor = np.float32(m / n)
            for mode, recompute in (("area", None), ("bilinear", True), ("nearest", True)):
                function = F.interpolate(x, scale_factor=factor, mode=mode, recompute_scale_factor=recompute)
                module = nn.Upsample(scale_factor=factor, mode=mode, recompute_scale_factor=recompute)(x)
                if function.shape != module.shape:
                    parted.append((n, m, mode))
    assert (6, 5, "area") in parted and (6, 5, "bilinear") in parted and (6, 5, "nearest") in parted
    x = torch.rand(1, 1, 6, 6)
    assert nn.Upsample(scale_factor=Fraction(1, 2), mode="bilinear")(x).shape[-2:] == (3, 3)
    with pytest.raises(TypeError):
        F.interpolate(x, scale_factor=Fraction(1, 2), mode="bilinear")
    assert_pages_say(
        ("why-no-downsample.md", "it is a module that calls `F.interpolate`, so it already works"),
        ("why-no-downsample.zh.md", "它是一个调用 `F.interpolate` 的模块，所以"),
    )
    for page in ("why-no-downsample.md", "why-no-downsample.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "the same call wrapped" not in text and "把同一个调用包成了模块" not in text


def test_nearest_is_slicing_except_at_the_listed_factors(ns):
    # The page prints the factors k <= 100 where scale_factor=1/k is not slicing (4-D);
    # they are the same in 3-D and 5-D, and size= is slicing at every k.
    assert ns["odd"], "the page describes exceptions"
    for rank in (3, 4, 5):
        failing = []
        for k in range(2, 101):
            x = torch.randn((1, 1) + (2 * k,) * (rank - 2), device=ns["device"])  # the build device's kernels
            sliced = x[(...,) + (slice(None, None, k),) * (rank - 2)]
            assert torch.equal(F.interpolate(x, size=(2,) * (rank - 2), mode="nearest"), sliced), (rank, k)
            if not torch.equal(F.interpolate(x, scale_factor=1 / k, mode="nearest"), sliced):
                failing.append(k)
        assert failing == ns["odd"], rank


def test_bilinear_misses_slicing_at_the_odd_listed_factors_and_size_removes_them(ns):
    # The page: at odd factors bilinear keeps slicing's middle pixels, but with scale_factor=1/k
    # it is slicing only where nearest is (its output size is as short); size= is slicing.
    assert ns["odd_bilinear"] == [k for k in ns["odd"] if k % 2], ns["odd_bilinear"]
    generator = torch.Generator().manual_seed(8)
    for k in range(3, 101, 2):
        for m in (1, 2, 3, 7):
            x = torch.randn(1, 1, m * k, 3, generator=generator)
            middle = x[..., k // 2 :: k, :]
            assert torch.equal(F.interpolate(x, size=(m, 3), mode="bilinear"), middle), (k, m)
            try:
                by_factor = F.interpolate(x, scale_factor=(1 / k, 1), mode="bilinear")
            except RuntimeError:  # an output of 0 rows
                assert k in ns["odd"] and m == 1, (k, m)
                continue
            assert torch.equal(by_factor, middle) == (k not in ns["odd"] or by_factor.shape[-2] == m), (k, m)
            assert torch.equal(by_factor, middle[..., : by_factor.shape[-2], :]), (k, m)


def test_slicing_at_whole_factors_needs_scale_factor_1_over_k_as_a_python_float():
    # Review r117-1: the page said nearest picks slicing's pixels and odd-factor bilinear reads a single pixel at
    # whole factors, naming no type for scale_factor. A NumPy float32 1/k is not the double 1/k: nearest then keeps
    # pixels outside slicing and bilinear mixes two pixels at several k, 7 the first of each
    python_missed, nearest_missed, bilinear_missed = [], [], []
    for k in range(2, 101):
        row = torch.arange(2.0 * k).reshape(1, 1, 1, 2 * k)
        image = row.expand(1, 1, 2 * k, 2 * k)
        for factor, missed in ((1 / k, python_missed), (np.float32(1 / k), nearest_missed)):
            kept = F.interpolate(row, scale_factor=(1, factor), mode="nearest")[0, 0, 0].tolist()
            if kept != row[0, 0, 0, ::k].tolist()[: len(kept)]:
                missed.append(k)
        if k % 2:
            mixed = F.interpolate(image, scale_factor=np.float32(1 / k), mode="bilinear")[0, 0, 0].tolist()
            if mixed != row[0, 0, 0, k // 2 :: k].tolist()[: len(mixed)]:
                bilinear_missed.append(k)
    assert python_missed == []
    assert nearest_missed[0] == 7 and bilinear_missed[0] == 7 and len(nearest_missed) > len(bilinear_missed) > 3
    row = torch.arange(14.0).reshape(1, 1, 14)
    assert float(np.float32(1 / 7)) != 1 / 7 and float(np.float32(1 / 4)) == 1 / 4
    assert F.interpolate(row, scale_factor=np.float32(1 / 7), mode="nearest").flatten().tolist() == [0.0, 6.0]
    assert_pages_say(
        (
            "why-no-downsample.md",
            "without `recompute_scale_factor=True`, and the factor given as `scale_factor=1/k`, a Python float, at odd",
        ),
        (
            "why-no-downsample.md",
            "given the same `scale_factor` and `recompute_scale_factor`, picks one pixel of each block",
        ),
        (
            "why-no-downsample.md",
            "a NumPy float32 1/7 is another number: on 14 pixels it keeps pixels 0 and 6",
        ),
        (
            "why-no-downsample.zh.md",
            "不设 `recompute_scale_factor=True`、用 Python 浮点数 `scale_factor=1/k` 指定倍数、且倍数为奇数时",
        ),
        ("why-no-downsample.zh.md", "（`scale_factor` 和 `recompute_scale_factor` 也这样传）从每个块里挑一个像素"),
        ("why-no-downsample.zh.md", "NumPy 的 float32 1/7 是另一个数：对 14 个像素，它保留的是像素 0 和 6"),
    )


def test_slicing_at_the_listed_factors_needs_recompute_scale_factor_left_unset(ns):
    # Review r117-1: the page said nearest and odd-factor bilinear keep slicing's pixels at whole factors, and at the
    # listed ones only the size is short, naming no recompute_scale_factor. With True, a short size makes the step
    # in/out: 147 pixels at 1/49 keep pixels 0 and 73 (nearest), 36.25 and 109.75 (bilinear)
    assert 49 in ns["odd"]
    left = {None: set(), False: set(), True: set()}
    for k in ns["odd"]:
        for m in range(1, 9):
            row = torch.arange(float(m * k)).reshape(1, 1, 1, m * k)
            image = row.expand(1, 1, 3, m * k)
            for recompute in left:
                try:
                    kept = F.interpolate(row, scale_factor=(1, 1 / k), mode="nearest", recompute_scale_factor=recompute)
                except RuntimeError:  # an output of 0 pixels
                    continue
                if kept[0, 0, 0].tolist() != row[0, 0, 0, ::k].tolist()[: kept.shape[-1]]:
                    left[recompute].add(("nearest", k, m))
                if k % 2:
                    mixed = F.interpolate(
                        image, scale_factor=(1, 1 / k), mode="bilinear", recompute_scale_factor=recompute
                    )
                    if mixed[0, 0, 0].tolist() != row[0, 0, 0, k // 2 :: k].tolist()[: mixed.shape[-1]]:
                        left[recompute].add(("bilinear", k, m))
    assert left[None] == left[False] == set()
    assert ("nearest", 49, 3) in left[True] and ("bilinear", 49, 2) in left[True]
    x = torch.arange(147.0).reshape(1, 1, 1, 147)
    assert F.interpolate(
        x, scale_factor=(1, 1 / 49), mode="nearest", recompute_scale_factor=True
    ).flatten().tolist() == [0, 73]


def test_at_the_listed_factors_only_the_size_is_short_and_only_for_some_sizes(ns):
    # Independent sweep: whole factors up to 100, outputs of 1 to 40 rows. Wherever
    # scale_factor=1/k differs from slicing, the rows it keeps are slicing's, one fewer.
    failing, short_for = set(), {}
    for k in range(2, 101):
        for m in range(1, 41):
            x = torch.randn(1, 1, m * k, 3)
            try:
                out = F.interpolate(x, scale_factor=(1 / k, 1), mode="nearest")
            except RuntimeError:
                assert m == 1, (k, m)  # an output of 0 rows
                failing.add(k)
                short_for.setdefault(k, set()).add(m)
                continue
            if out.shape[-2] != m:
                assert out.shape[-2] == m - 1 and torch.equal(out, x[..., ::k, :][..., : m - 1, :]), (k, m)
                failing.add(k)
                short_for.setdefault(k, set()).add(m)
            else:
                assert torch.equal(out, x[..., ::k, :]), (k, m)
    assert sorted(failing) == ns["odd"]
    for k in failing:
        assert 20 < len(short_for[k]) < 40, k  # many sizes, not all
    k = ns["odd"][0]
    assert {m for m, rows in ns["rows"].items() if rows < m} == {m for m in short_for[k] if m <= 10}
    assert ns["rows"][1] == 0


def test_antialias_is_accepted_only_for_4d_bilinear_bicubic_lanczos(ns):
    accepted = {key for key, value in ns["antialias_accepted"].items() if value == "yes"}
    lanczos = ns["antialias_accepted"]["lanczos", 4] == "yes"
    assert accepted == {("bilinear", 4), ("bicubic", 4)} | ({("lanczos", 4)} if lanczos else set())
    for mode, rank in ns["antialias_accepted"]:  # independent of the example: on the CPU, 16-pixel sides
        x = torch.rand((1, 1) + (16,) * (rank - 2))
        try:
            F.interpolate(x, size=(5,) * (rank - 2), mode=mode, antialias=True)
            assert (mode, rank) in accepted
        except (ValueError, NotImplementedError):  # NotImplementedError: a torch without this mode
            assert (mode, rank) not in accepted


def test_at_factor_four_max_pool_brightens_and_antialias_agrees_with_avg_pool(ns):
    image, factor = ns["image"], ns["factor"]
    avg = F.avg_pool2d(image, factor)
    antialiased = F.interpolate(image, scale_factor=1 / factor, mode="bilinear", antialias=True)
    assert F.max_pool2d(image, factor).mean() > image.mean() + 0.02
    # "agree closely" binds to the photo: plain bilinear (0.016) and nearest (0.040) pass a fixed bound of 0.02
    # too, so the antialiased gap must beat the next closest method's by a clear margin
    gap = (antialiased - avg).abs().mean()
    others = [
        (F.interpolate(image, scale_factor=1 / factor, mode=mode) - avg).abs().mean()
        for mode in ("bilinear", "nearest")
    ]
    assert gap < 0.01 and gap < 0.7 * min(others), (gap, others)
    assert torch.equal(F.interpolate(image, scale_factor=1 / factor, mode="nearest"), image[..., ::factor, ::factor])


def test_max_pool_keeps_each_channels_maximum_not_one_pixel(ns):
    # The page: max pooling keeps the largest value of each colour channel per window; on the
    # photo the three maxima often come from different pixels, so no single pixel is kept.
    _, where = F.max_pool2d(ns["image"], ns["factor"], return_indices=True)
    differs = (where[0, 0] != where[0, 1]) | (where[0, 1] != where[0, 2])
    assert differs.float().mean() > 0.1


def test_picture_shows_the_original_and_every_method(ns):
    titles = [ax.get_title().split("\n")[0] for ax in ns["figure"].axes]
    assert titles == ["original", *ns["quarter_methods"]]


def test_area_enlarging_repeats_pixels_and_averages_only_straddling_pairs():
    # The page (and the "shrink 3-D or 5-D input" row): area is for shrinking. Enlarging, every
    # output is nearest's pixel or the mean of two neighbours; never a smooth interpolation.
    generator = torch.Generator().manual_seed(6)
    for n_in in range(1, 12):
        x = torch.randn(1, 1, n_in, generator=generator, dtype=torch.float64)
        for n_out in range(n_in + 1, 40):
            area = F.interpolate(x, size=n_out, mode="area")[0, 0]
            nearest = F.interpolate(x, size=n_out, mode="nearest")[0, 0]
            pairs = torch.cat([x[0, 0], (x[0, 0, :-1] + x[0, 0, 1:]) / 2])
            for i, value in enumerate(area):
                straddles = (i * n_in) // n_out != -(-(i + 1) * n_in // n_out) - 1
                if straddles:
                    assert torch.isclose(pairs, value, atol=1e-12, rtol=0).any(), (n_in, n_out, i)
                else:
                    assert value == nearest[i], (n_in, n_out, i)
            if n_in > 1 and n_out > 2 * n_in:
                assert not torch.allclose(area, F.interpolate(x, size=n_out, mode="linear")[0, 0])


def test_area_enlarging_does_not_always_repeat_nearests_pixels():
    # Review 9: "enlarging, area repeats pixels like nearest" failed where nearest places pixels by
    # 1 / scale_factor (or by a float32 ratio) and area by the ratio of the sizes.
    x = torch.arange(2.0).reshape(1, 1, 2)
    assert F.interpolate(x, scale_factor=2.1, mode="area").flatten().tolist() == [0, 0, 1, 1]
    assert F.interpolate(x, scale_factor=2.1, mode="nearest").flatten().tolist() == [0, 0, 0, 1]
    area, nearest = (F.interpolate(x, size=82, mode=mode)[0, 0, 41].item() for mode in ("area", "nearest"))
    assert (area, nearest) == (1.0, 0.0)


def test_area_and_nearest_at_2_1_differ_on_small_contiguous_3d_and_5d_input_not_4d_on_the_cpu():
    # Review 13: the 2.1 example held for a row (3-D), not for a 4-D image on the CPU, whose small
    # output of twice the input takes the channels-last kernel; its nearest_idx halves the index.
    for shape in [(1, 1, 2), (1, 1, 1, 2), (1, 1, 2, 2), (1, 1, 2, 2, 2), (1, 1, 1, 1, 2)]:
        x = torch.arange(2.0).expand(shape).contiguous()
        rows = [F.interpolate(x, scale_factor=2.1, mode=mode).flatten()[-4:].tolist() for mode in ("area", "nearest")]
        assert rows[0] == [0, 0, 1, 1], shape
        assert rows[1] == ([0, 0, 1, 1] if len(shape) == 4 else [0, 0, 0, 1]), shape


def test_area_and_nearest_agree_at_twice_the_size_wherever_the_cpu_channels_last_nearest_kernel_runs():
    # Review 52: the page said a 4-D image "where the output is small and twice the input" agrees, as if the rank
    # and the size decided. The kernel decides: a 5-D channels_last_3d volume of 4 channels agrees at any size, a
    # contiguous 4-D image whose output is not small (1x64 x 2.01 -> 2x128) does not.
    cases = {  # (shape, memory format, scale on every axis): agrees
        ((1, 1, 1, 2), torch.contiguous_format, 2.1): True,  # 2x4: small
        ((1, 1, 1, 64), torch.contiguous_format, 2.01): False,  # 2x128: not small
        ((1, 3, 1, 64), torch.channels_last, 2.01): False,  # 3 channels: not the channels-last kernel
        ((1, 4, 1, 64), torch.channels_last, 2.01): True,
        ((1, 4, 1, 1, 64), torch.channels_last_3d, 2.01): True,
        ((1, 4, 1, 1, 64), torch.contiguous_format, 2.01): False,
        ((1, 1, 1, 1, 2), torch.contiguous_format, 2.1): False,  # 5-D: small outputs do not count
    }
    for (shape, layout, scale), agrees in cases.items():
        x = torch.arange(float(shape[-1])).expand(shape).contiguous(memory_format=layout)
        nearest, area = (F.interpolate(x, scale_factor=scale, mode=mode) for mode in ("nearest", "area"))
        assert nearest.shape[2:] == tuple(2 * n for n in shape[2:]), shape
        assert torch.equal(nearest, area) == agrees, (shape, layout)
    for name, old in (
        ("why-no-downsample.md", "where the output is small and twice the input"),
        ("why-no-downsample.zh.md", "换成四维图像，输出很小且恰为输入的两倍"),
    ):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert old not in text and "1×64" in text, name


def test_size_does_not_remove_the_uint8_one_pixel_wide_exception():
    # Review 9: with size=, bilinear at odd factors is slicing, but not on uint8 with 5 channels (CPU bug).
    x = torch.randint(0, 256, (1, 5, 6, 3), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    assert not torch.equal(F.interpolate(x, size=(2, 1), mode="bilinear"), x[..., 1::3, 1::3])


def test_area_averages_blocks_only_where_the_output_size_divides():
    # Review 9: "area averages each block, at a whole factor" failed for scale_factor=1/49, one output short.
    x = torch.arange(147.0).view(1, 1, 147)
    area = F.interpolate(x, scale_factor=1 / 49, mode="area")
    assert area.flatten().tolist() == [36.5, 109.5]
    assert torch.equal(F.interpolate(x, size=3, mode="area").flatten(), x.view(3, 49).mean(1))


def test_bilinear_odd_factor_slicing_is_bit_for_bit_in_eager_mode_only():
    # Review 115: "in float32 bit for bit" named no mode; the compiled decomposition computes
    # v0 + (v1 - v0) * 0, and v1 - v0 overflows to inf for a kept -3e38 before a 3e38 (Inductor: the same).
    x = torch.zeros(1, 2, 3, 15)
    x[..., 1, 1::3] = -3e38
    x[..., 1, 2::3] = 3e38
    resize = lambda t: F.interpolate(t, scale_factor=1 / 3, mode="bilinear")  # noqa: E731
    assert torch.equal(resize(x), x[..., 1::3, 1::3])
    torch.compiler.reset()
    assert torch.isnan(torch.compile(resize, backend="aot_eager", dynamic=False)(x)).all()
    # size= removes the factor exceptions, not this one
    to_size = lambda t: F.interpolate(t, size=(1, 5), mode="bilinear")  # noqa: E731
    assert torch.equal(to_size(x), x[..., 1::3, 1::3])
    assert torch.isnan(torch.compile(to_size, backend="aot_eager", dynamic=False)(x)).all()
    torch.compiler.reset()
    assert_pages_say(
        ("why-no-downsample.md", "in float32 bit for bit in eager mode"),
        ("why-no-downsample.zh.md", "在 eager 模式下，float32 逐位相同"),
        ("why-no-downsample.md", "still comes out wrong; so does the compiled one)"),
        ("why-no-downsample.zh.md", "结果仍然是错的；编译后的例外也依然存在）"),
        (
            "glossary.md",
            "compiled, `bilinear` shrinking by 3 turns a kept pixel of −3e38 followed by one of 3e38 into `nan`, "
            "where eager mode returns it",
        ),
        (
            "glossary.zh.md",
            "编译之后，`bilinear` 缩小 3 倍时，保留下来的一个 −3e38 像素后面跟着一个 3e38 像素，结果就成了 `nan`，"
            "而 eager 模式下返回的是该像素",
        ),
    )


def test_area_at_one_49th_misses_the_blocks_in_eager_mode_only():
    # Review 115: "scale_factor=1/49 on 147 pixels gives 2 outputs" named no mode; torch.jit.trace computes area's
    # size in float32, where 147 * (1/49) rounds to 3, and the traced call gives the 3 block means.
    x = torch.arange(147.0).view(1, 1, 147)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.jit.trace is deprecated, and warns about the size it records
        traced = torch.jit.trace(lambda t: F.interpolate(t, scale_factor=1 / 49, mode="area"), x)
    assert F.interpolate(x, scale_factor=1 / 49, mode="area").shape[-1] == 2
    assert torch.equal(traced(x).flatten(), x.view(3, 49).mean(1))
    assert_pages_say(
        ("why-no-downsample.md", "in eager mode `scale_factor=1/49` on 147 pixels gives 2 outputs"),
        ("why-no-downsample.zh.md", "在 eager 模式下，对 147 个像素用 `scale_factor=1/49` 得到的是 2 个输出"),
    )


def test_area_is_an_unweighted_mean_of_whole_pixels_not_an_area_weighted_one():
    # The glossary's definition: windows rounded outward to whole pixels, each counted fully.
    x = torch.tensor([[[0.0, 3.0, 6.0]]], dtype=torch.float64)
    area = F.interpolate(x, size=2, mode="area")[0, 0]
    assert area.tolist() == [1.5, 4.5]  # windows [0, 2) and [1, 3): the middle pixel counts in both
    area_weighted = [(0.0 * 1 + 3.0 * 0.5) / 1.5, (3.0 * 0.5 + 6.0 * 1) / 1.5]  # what the exact areas give
    assert all(abs(a - b) > 0.4 for a, b in zip(area.tolist(), area_weighted))
    torch.testing.assert_close(F.interpolate(x, size=2, mode="area"), F.adaptive_avg_pool1d(x, 2), atol=0, rtol=0)


def test_nn_upsample_warns_no_deprecation_in_the_installed_torch():
    # The page: the deprecation warning of PyTorch 1.0 is gone; the installed torch prints none.
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for mode in ("nearest", "bilinear"):
            nn.Upsample(scale_factor=2, mode=mode)(torch.rand(1, 1, 4, 4))
            nn.Upsample(scale_factor=0.5, mode=mode)(torch.rand(1, 1, 4, 4))


def test_odd_factor_bilinear_is_bit_for_bit_slicing_except_the_sign_of_zero():
    # The page: bit for bit in float32, except that -0.0 can come out as +0.0 (1 * -0.0 + 0 * x
    # is +0.0 when the neighbour x is positive). Every other value keeps its bits.
    generator = torch.Generator().manual_seed(9)
    for k in (3, 5, 7, 9):
        x = torch.randn(2, 3, 4 * k, 4 * k, generator=generator)
        x[..., k // 2 :: k, k // 2 :: k][..., ::2, :] = -0.0
        out = F.interpolate(x, scale_factor=1 / k, mode="bilinear")
        middle = x[..., k // 2 :: k, k // 2 :: k]
        assert torch.equal(out.view(torch.int32)[middle != 0], middle.view(torch.int32)[middle != 0]), k
        assert torch.equal(out, middle)  # equal as numbers
        assert middle.signbit().any() and not torch.equal(out.signbit(), middle.signbit()), k  # not as bits


def test_nearest_and_odd_bilinear_are_slicing_only_on_sides_up_to_2_to_the_24():
    # Positions are float32: the page's bound, and its two counterexamples at 3x.
    def row(width):
        return (torch.arange(width) % 251).float().view(1, 1, 1, width)

    for k in (3, 99):
        x = row(2**24 // k * k)
        assert torch.equal(F.interpolate(x, scale_factor=(1, 1 / k), mode="nearest"), x[..., ::k])
        assert torch.equal(F.interpolate(x, size=(1, x.shape[-1] // k), mode="nearest"), x[..., ::k])
        assert torch.equal(F.interpolate(x, scale_factor=(1, 1 / k), mode="bilinear"), x[..., k // 2 :: k])
    x = row(16_777_221)
    assert (F.interpolate(x, scale_factor=(1, 1 / 3), mode="bilinear") != x[..., 1::3]).sum() == 1
    x = row(16_777_224)
    assert (F.interpolate(x, scale_factor=(1, 1 / 3), mode="nearest") != x[..., ::3]).sum() == 1


def test_more_factors_above_100_lose_a_pixel():
    # the page: the printed list stops at 100; 103 and 107 lose a pixel too, for nearest and bilinear
    for k in (103, 107):
        x = torch.randn(1, 1, 2 * k, 2 * k)
        for mode in ("nearest", "bilinear"):
            assert F.interpolate(x, scale_factor=1 / k, mode=mode).shape[-2:] == (1, 1), (k, mode)


def test_bilinear_at_one_half_is_avg_pool_only_on_sides_up_to_2_to_the_23():
    # Review 66: the limit read for every floating dtype, yet float64 computes its positions in double and agrees
    # beyond 2^23; float16 and bfloat16 (positions in float32, values of 17 levels, exact in both) lose the half too
    for dtype, width in itertools.product(
        (torch.float16, torch.bfloat16, torch.float32, torch.float64), (2**23, 2**23 + 1, 2**23 + 2, 2**23 + 8)
    ):
        x = (torch.arange(2 * width) % 17).to(dtype).view(1, 1, 2, width)
        gap = (F.interpolate(x, scale_factor=0.5, mode="bilinear") - F.avg_pool2d(x, 2)).abs().max().item()
        # Review 67: "only on sides up to 2^23" was one pixel short: an odd 2^23 + 1 drops its last pixel, and its
        # last position 2^23 - 1.5 keeps its half
        assert (gap < 1e-4) == (width <= 2**23 + 1 or dtype == torch.float64), (dtype, width)
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert (
        "for float16, bfloat16 and float32 input, whose positions are computed in float32, only while every position"
        in en
    )
    assert "that is on sides up to 8,388,609 pixels" in en and "from 8,388,610 pixels on" in en
    # Review 114: "float64 computes them in double and still agrees at these sizes" read for every longer side; its
    # positions are floored in float32 (floorf in guard_index_and_lambda), and 2^25 + 4 pixels differ
    assert "(float64 input agrees further out, but not on every longer side)" in en
    x = (torch.arange(2**25 + 4) % 17).double().view(1, 1, 1, -1)
    gap = (F.interpolate(x, scale_factor=(1, 0.5), mode="bilinear") - F.avg_pool2d(x, (1, 2))).abs().max().item()
    assert gap > 0.1
    assert "对 float16、bfloat16 和 float32 输入，位置用 float32 计算，只有当所有位置 2*i* + 0.5 都小于 2^23" in zh
    assert "也就是每边不超过 8,388,609 个像素" in zh and "从 8,388,610 个像素起" in zh
    assert "（float64 输入在更长的边上仍然一致，但并非任意长度都如此）" in zh


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_bilinear_at_half_is_avg_pool_only_to_rounding_not_bit_for_bit(dtype):
    generator = torch.Generator().manual_seed(5)
    differs = False
    for shape in ((1, 1, 2, 2), (2, 3, 7, 9), (1, 5, 17, 33), (4, 16, 64, 64)):
        for memory_format in (torch.contiguous_format, torch.channels_last):
            x = (torch.randn(shape, generator=generator, dtype=dtype) * 100).contiguous(memory_format=memory_format)
            out, pooled = F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2)
            torch.testing.assert_close(out, pooled)
            differs |= not torch.equal(out, pooled)
    assert differs


def test_max_pool_and_relu_commute_only_where_a_window_holds_an_input_pixel():
    # A dilated window can hold only padding: max pooling returns -inf there, ReLU gives 0.
    # Review 75: the example's comment stated the rule without that limit.
    example = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "every non-decreasing activation, wherever a window\n# holds an input pixel (here, every window)" in example
    x = -torch.rand(1, 1, 2)
    assert F.max_pool1d(x, 2, dilation=3, padding=1).item() == -math.inf
    assert F.relu(F.max_pool1d(x, 2, dilation=3, padding=1)).item() == 0.0
    assert F.max_pool1d(F.relu(x), 2, dilation=3, padding=1).item() == -math.inf
    integers = torch.tensor([[[[-1, -2]]]], dtype=torch.int32)
    empty = F.max_pool2d(integers, (1, 2), dilation=(1, 3), padding=(0, 1))
    assert empty.item() == torch.iinfo(torch.int32).min and F.relu(empty).item() == 0
    rng = random.Random(2)
    for rank in (1, 2, 3):
        max_pool = POOL[rank][0]
        for _ in range(60):
            k = rng.randint(1, 4)
            options = dict(
                kernel_size=k,
                stride=rng.randint(1, 4),
                padding=rng.randint(0, k // 2),
                dilation=rng.randint(1, 5),
                ceil_mode=rng.random() < 0.5,
            )
            size = tuple(rng.randint(1, 11) for _ in range(rank))
            x = 3 * torch.randn((2, 2) + size)
            try:
                pooled = max_pool(x, **options)
            except RuntimeError:  # the output would have no elements
                continue
            filled = pooled > -math.inf
            for act in (F.relu, F.leaky_relu, F.hardtanh):
                first, after = max_pool(act(x), **options), act(pooled)
                assert torch.equal(first[filled], after[filled]), (act, options, size)


def test_the_affine_residual_of_a_convolution_is_zero_only_up_to_float_rounding():
    generator = torch.Generator().manual_seed(0)
    conv = nn.Conv2d(3, 4, 3, stride=2)
    a, b = (torch.randn(2, 3, 16, 16, generator=generator) for _ in range(2))
    with torch.no_grad():
        residual = affine_residual(conv, a, b)
    assert residual.abs().max() < 1e-5 and residual.abs().max() > 0


def test_sigmoid_simd_and_scalar_code_differ_by_more_than_one_rounding_step():
    # The page: the two orders differ by one float32 rounding step for ELU, up to four for sigmoid.
    x = -20 * torch.rand(20000, generator=torch.Generator().manual_seed(0))
    for act, most in ((torch.sigmoid, 4), (F.elu, 1)):
        simd = act(x)
        alone = torch.cat([act(v.view(1)) for v in x])
        steps = ((alone - simd).abs() / (torch.nextafter(simd, torch.tensor(2.0)) - simd)).max().item()
        assert steps <= most and (steps >= 2) is (act is torch.sigmoid), (act, steps)
    # Review 63: the shown comment said the SIMD and scalar code "can round the last bit differently".
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "round the last bit differently" not in source and "round the last bits differently" in source


def test_odd_factor_bilinear_is_slicing_on_float_but_not_on_uint8_one_pixel_wide_outputs():
    torch.manual_seed(0)
    for dtype in (torch.float16, torch.bfloat16, torch.float32):
        for channels, (height, width, k) in itertools.product(
            (1, 3, 5, 8), ((9, 3, 3), (6, 3, 3), (10, 5, 5), (21, 14, 7))
        ):
            x = torch.randn(2, channels, height, width).to(dtype)
            out = F.interpolate(x, scale_factor=1 / k, mode="bilinear")
            assert torch.equal(out, x[..., k // 2 :: k, k // 2 :: k][..., : out.shape[-2], : out.shape[-1]])
    x = torch.randint(0, 256, (1, 5, 9, 3), dtype=torch.uint8)
    out = F.interpolate(x, scale_factor=1 / 3, mode="bilinear")
    assert not torch.equal(out, x[..., 1::3, 1::3])


@pytest.mark.skipif(
    torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="up to 4 channels run the AVX2 uint8 code"
)
def test_uint8_odd_factor_slicing_fails_only_one_pixel_wide_and_at_least_two_high_from_5_channels():
    # Review 35: the page said "an output one pixel wide" with 5 or more channels; a 1x1 output is the slice
    generator = torch.Generator().manual_seed(0)
    for channels, k, out_h, out_w in itertools.product((1, 3, 4, 5, 8, 33), (3, 5), (1, 2, 3), (1, 2)):
        if channels == 3 and (out_h, out_w) == (1, 1):
            continue  # the internal assert of the test below
        x = torch.randint(0, 256, (1, channels, out_h * k, out_w * k), dtype=torch.uint8, generator=generator)
        sliced = torch.equal(F.interpolate(x, scale_factor=1 / k, mode="bilinear"), x[..., k // 2 :: k, k // 2 :: k])
        assert sliced == (channels < 5 or out_w > 1 or out_h == 1), (channels, k, out_h, out_w)


def test_area_enlarging_averages_four_pixels_where_an_output_straddles_both_axes():
    x = torch.arange(6.0).view(1, 1, 2, 3)
    out = F.interpolate(x, size=(3, 4), mode="area")
    assert out[0, 0, 1, 1] == x[0, 0, :, :2].mean()  # rows 0-1 and columns 0-1: four pixels


def test_count_include_pad_and_ceil_mode_keep_the_convolution_where_they_take_no_effect():
    x = torch.randn(2, 3, 8, 8, dtype=torch.float64)
    weight = torch.full((3, 1, 2, 2), 0.25, dtype=torch.float64)
    conv = F.conv2d(x, weight, stride=2, groups=3)
    torch.testing.assert_close(F.avg_pool2d(x, 2, count_include_pad=False), conv)  # no padding
    torch.testing.assert_close(F.avg_pool2d(x, 2, ceil_mode=True), conv)  # 8 divides by 2: no overhang


@pytest.mark.skipif(
    torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="the assert is in the AVX2 uint8 kernel"
)
@pytest.mark.parametrize("k", [3, 5, 7, 9, 99])
def test_uint8_three_channels_to_one_pixel_stops_with_an_internal_assert(k):
    # Review 11: "not on uint8" has a second reason: a 3-channel uint8 image shrunk to 1x1.
    x = torch.arange(3 * k * k).remainder(251).to(torch.uint8).view(1, 3, k, k)
    with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
        F.interpolate(x, size=(1, 1), mode="bilinear")
    with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
        F.interpolate(x, scale_factor=1 / k, mode="bilinear")
    assert torch.equal(F.interpolate(x.float(), size=(1, 1), mode="bilinear"), x[..., k // 2 :: k, k // 2 :: k].float())


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_the_recommended_antialiased_resize_is_wrong_on_the_cpu_one_pixel_wide(mode):
    # Review 11: the table's "any size" meets the CPU bug; channels_last (3 channels) escapes it.
    x = torch.rand(1, 3, 4, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    plain = F.interpolate(x, size=(2, 1), mode=mode, antialias=True)
    escaped = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(2, 1), mode=mode, antialias=True)
    assert (plain - escaped).abs().max() > 0.01


def test_without_avx2_uint8_one_pixel_wide_is_wrong_with_any_channels_and_1x1_has_no_assert():
    # Review 12: the uint8 exception is "5 or more channels" only on an AVX2 CPU; the generic kernel
    # (ATEN_CPU_CAPABILITY=default, what an x86 CPU without AVX2 runs) gets 1..4 channels wrong too and has no assert.
    code = (
        "import torch, torch.nn.functional as F; assert torch.backends.cpu.get_cpu_capability() == 'DEFAULT'\n"
        "for c in (1, 2, 3, 4):\n"
        "    x = torch.arange(c * 27).remainder(251).to(torch.uint8).view(1, c, 9, 3)\n"
        "    assert not torch.equal(F.interpolate(x, size=(3, 1), mode='bilinear'), x[..., 1::3, 1::3]), c\n"
        "x = torch.arange(27).remainder(251).to(torch.uint8).view(1, 3, 3, 3)\n"
        "assert torch.equal(F.interpolate(x, size=(1, 1), mode='bilinear'), x[..., 1::3, 1::3])\n"
        # Review 15: the 2^24 bound of odd-factor bilinear slicing is AVX2's; here it breaks past 2^23.
        "x = (torch.arange(8388615) % 251).float().view(1, 1, 1, -1)\n"
        "for n, wrong in ((8388612, 0), (8388615, 1)):\n"
        "    for kw in ({'size': (1, n // 3)}, {'scale_factor': (1, 1 / 3)}):\n"
        "        out = F.interpolate(x[..., :n], mode='bilinear', **kw)\n"
        "        assert (out != x[..., :n][..., 1::3]).sum() == wrong, (n, kw)\n"
    )
    run_python(code, ATEN_CPU_CAPABILITY="default")


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_the_recommended_antialiased_resize_refuses_half_types_on_the_cpu_and_uint8_on_cuda(mode):
    # Review 12: the table's "any size" row holds for float32/float64, not for every dtype on every device.
    for dtype in (torch.float16, torch.bfloat16):
        with pytest.raises(NotImplementedError):
            F.interpolate(torch.rand(1, 3, 8, 8).to(dtype), size=(4, 4), mode=mode, antialias=True)
    if torch.cuda.is_available():
        with pytest.raises(NotImplementedError):
            F.interpolate(
                torch.zeros(1, 3, 8, 8, dtype=torch.uint8, device="cuda"), size=(4, 4), mode=mode, antialias=True
            )


def test_upsample_at_one_half_equals_avg_pool_only_to_rounding(ns):
    # Review 13: the printed line said "==" for an allclose check; the sums differ in order.
    assert torch.allclose(ns["upsample_down"], ns["block_mean"])
    torch.manual_seed(0)
    x = torch.rand(1, 3, 600, 512)  # the photo's shape: some sizes happen to agree bit for bit
    threads = torch.get_num_threads()
    try:  # the CPU kernel's summation order follows the thread count: on one thread this input agrees
        torch.set_num_threads(2)
        halved, pooled = nn.Upsample(scale_factor=0.5, mode="bilinear")(x), F.avg_pool2d(x, 2)
    finally:
        torch.set_num_threads(threads)
    assert not torch.equal(halved, pooled) and (halved - pooled).abs().max() <= 2**-24


def test_avg_pool_overflows_where_the_convolution_and_bilinear_stay_finite():
    # Review 14: pooling sums a window before dividing, so finite values near float32's maximum
    # average to inf, while the convolution (weights 1/k**rank) and bilinear at 1/2 weight first.
    for rank, k in itertools.product([1, 2, 3], [2, 3]):
        _, avg_pool, conv = POOL[rank]
        x = torch.full((1, 2) + (2 * k,) * rank, 3e38)
        weight = torch.full((2, 1) + (k,) * rank, 1.0 / k**rank)
        assert torch.isinf(avg_pool(x, k)).all(), (rank, k)
        assert torch.isfinite(conv(x, weight, stride=k, groups=2)).all(), (rank, k)
    for memory_format in (torch.contiguous_format, torch.channels_last):
        x = torch.full((1, 3, 6, 6), 1e38).contiguous(memory_format=memory_format)
        assert torch.isinf(F.avg_pool2d(x, 2)).all()
        torch.testing.assert_close(F.interpolate(x, scale_factor=0.5, mode="bilinear"), torch.full((1, 3, 3, 3), 1e38))


def test_the_affine_residual_of_a_convolution_is_not_zero_once_a_sum_overflows():
    # Review 14: finite inputs whose sum overflows float32 break the "zero for all inputs" rule.
    conv = nn.Conv2d(1, 1, 2, stride=2)
    a = torch.full((1, 1, 2, 2), 3e38)
    with torch.no_grad():
        residual = conv(a + a) - conv(a) - conv(a) + conv(torch.zeros_like(a))
    assert torch.isfinite(a).all() and not torch.isfinite(residual).any()


def test_float64_odd_factor_bilinear_reads_the_neighbour_at_1_over_49():
    # Review 14: in float64, 1/(1/49) is not 49, so bilinear at scale_factor=1/49 gives the
    # neighbour a growing weight; among odd factors up to 99 only 49 does this.
    leaks = []
    for k in range(3, 100, 2):
        x = torch.full((1, 1, 30 * k, 1), 1e300, dtype=torch.float64)
        x[..., k // 2 :: k, :] = 1
        if (F.interpolate(x, scale_factor=(1 / k, 1), mode="bilinear") - 1).abs().max() > 1e-6:
            leaks.append(k)
    assert leaks == [49]
    assert 1 / (1 / 49) != 49


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="SIMD sigmoid code")
def test_sigmoid_orders_differ_by_up_to_four_rounding_steps():
    # The page: for sigmoid the two orders can differ by up to four float32 rounding steps (round 17: not three).
    def steps(a, b):
        return ((a - b).abs() / (torch.nextafter(a, torch.tensor(2.0)) - a)).max().item()

    x = torch.full((1, 1, 2, 16), -16.716745376586914)  # 32 values: SIMD; the 8 pooled ones: scalar code
    assert steps(F.max_pool2d(torch.sigmoid(x), 2), torch.sigmoid(F.max_pool2d(x, 2))) == 4
    sweep = torch.linspace(-104, 20, 2_000_001)
    strided = torch.empty(2 * sweep.numel())
    strided[::2] = sweep
    assert steps(torch.sigmoid(sweep), torch.sigmoid(strided[::2])) == 4


def test_leaky_relu_and_elu_commute_only_with_a_non_negative_slope_or_alpha():
    """Review 71: "LeakyReLU, Hardtanh and ELU all output negative values and still commute, because none of them
    ever decreases" held for their default arguments: a negative slope or alpha makes them decrease, and the
    larger input of a window then gives the smaller output."""
    generator = torch.Generator().manual_seed(0)
    for seed in range(20):
        x = 3 * torch.randn(2, 3, 8, 8, generator=generator)
        for value in (0.01, 0.2, 1.0, 2.5):
            for act in (F.leaky_relu, F.elu):
                torch.testing.assert_close(
                    F.max_pool2d(act(x, value), 2), act(F.max_pool2d(x, 2), value), atol=1e-6, rtol=1e-6
                )
                assert not torch.equal(F.max_pool2d(act(x, -value), 2), act(F.max_pool2d(x, 2), -value)), (act, value)
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert "with their default arguments, LeakyReLU, Hardtanh and ELU all output" in en
    assert "取默认参数时，LeakyReLU、Hardtanh 和 ELU 都会输出负值" in zh
    # Review 114: the relu_commutes cell's comment still said "ELU ... never decreases, so it commutes"
    source = " ".join((ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8").split())
    assert "ELU with its default alpha goes negative too but never decreases, so it commutes;" in source


def test_elu_is_computed_with_expm1_on_both_the_simd_and_the_scalar_path():
    """Review 72: "ELU (like sigmoid) is computed with exp": both CPU paths call expm1. Near 0 from below,
    exp(x) - 1 in float32 is 0 where expm1(x), and ELU, give x."""
    for value in (-1e-10, -1e-20, -1e-30):
        for length in range(1, 70):  # short tensors run the scalar code, longer ones the SIMD code and a tail
            x = torch.full((length,), value)
            assert torch.equal(torch.exp(x) - 1, torch.zeros(length))
            torch.testing.assert_close(F.elu(x), x, rtol=1e-6, atol=0)
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert "- ELU is computed with `expm1` (sigmoid with `exp`)" in en and "like sigmoid" not in en
    assert "- ELU 要用 `expm1` 计算（sigmoid 用 `exp`）" in zh
    # Review 73: the shown comment still called ELU "exp-based" after the prose said expm1.
    example = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert (
        "# On an AVX2 or AVX-512 CPU, ELU (computed with expm1) runs SIMD code" in example
        and "exp-based" not in example
    )


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="SIMD ELU code")
def test_elu_runs_only_scalar_code_on_rows_shorter_than_a_simd_block():
    """Review 74: "SIMD code on most elements and scalar code on the few left over": the SIMD code runs on blocks
    of 2 vectors along a contiguous row (32 floats with AVX-512), so on a view whose rows are shorter, such as the
    example's 20x20 crops of a 64x64 map on an AVX-512 CPU, every element runs the scalar code."""
    block = 32 if torch.backends.cpu.get_cpu_capability() == "AVX512" else 16
    x = -3 * torch.rand(2000, 64, generator=torch.Generator().manual_seed(0))
    for width in range(1, 64):
        view = x[:, :width]
        strided = torch.empty(2 * view.numel())
        strided[::2] = view.flatten()
        scalar = F.elu(strided[::2]).view(view.shape)  # a stride of 2 runs the scalar code on every element
        assert torch.equal(F.elu(view), scalar) is (width < block), width
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    example = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert (
        "the SIMD code for blocks of elements and the scalar\n  code for the rest" in en and "few left over" not in en
    )
    assert "成块的元素走 SIMD 代码，其余的走标量代码" in zh and "大部分元素走 SIMD" not in zh
    assert (
        "# On an AVX2 or AVX-512 CPU, ELU (computed with expm1) runs SIMD code on blocks of elements and\n# scalar code on the rest,"
        in example
    )


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="SIMD exp code")
def test_elu_orders_differ_by_one_rounding_step_at_alpha_1_and_by_two_at_other_alphas():
    """Review 71: "the two orders can differ by one float32 rounding step" held for ELU's default alpha of 1 (and
    powers of 2): the SIMD and scalar expm1 differ by a step, and multiplying by an alpha such as 2.5 rounds
    that to two."""

    def steps(a, b):
        return ((a - b).abs() / (torch.nextafter(a, torch.tensor(2.0)) - a).abs()).max().item()

    generator = torch.Generator().manual_seed(0)
    most = dict.fromkeys((0.5, 1.0, 2.0, 0.3, 1.7, 2.5, 10.0), 0.0)
    for height, width in itertools.product(range(2, 24, 2), repeat=2):
        x = -20 * torch.rand(1, 1, height, width, generator=generator)
        for alpha in most:
            pooled_first = F.elu(F.max_pool2d(x, 2), alpha)
            most[alpha] = max(most[alpha], steps(F.max_pool2d(F.elu(x, alpha), 2), pooled_first))
    assert most[0.5] == most[1.0] == most[2.0] == 1 and most[2.5] == 2 and max(most.values()) == 2, most
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert (
        "on float32 input the two orders can differ by one\n  rounding step (with an `alpha` such as 2.5, by two;" in en
    )
    assert "对 float32 输入，两种顺序的结果可能相差一个舍入单位（`alpha` 取 2.5 这类值时可能相差两个" in zh


def test_pooling_first_runs_the_activation_on_a_quarter_only_on_even_sizes():
    # Review 17: "a quarter of the values" holds for 2x2 windows on even sizes, not on odd ones.
    for side in range(2, 40):
        share = F.max_pool2d(torch.zeros(1, 1, side, side), 2).numel() / side**2
        assert (share == 0.25) is (side % 2 == 0), side
    assert F.max_pool2d(torch.zeros(1, 1, 5, 5), 2).numel() == 4


@pytest.mark.parametrize("k", [49, 98])
def test_the_size_is_one_short_for_under_half_of_the_multiples_below_2_23(k):
    # Review 19: the page said "most sizes"; that held for the first 40 multiples, not below 2^23.
    multiples = range(1, (2**23 - 1) // k + 1)
    short = sum(math.floor(float(k * m) * (1 / k)) < m for m in multiples)
    assert 0.4 < short / len(multiples) < 0.5
    assert F.interpolate(torch.zeros(1, 1, k * 100), scale_factor=1 / k).shape[-1] == 99


def test_cuda_antialias_refuses_large_factors_bilinear_below_100_bicubic_sooner():
    """The table's "any size" row: CUDA's antialias kernel (upsample_gen2d_aa_out_cuda_template in
    UpSampleBilinear2d.cu) needs, with one row of 32 threads, taps * (32 + 1 + 32) values of shared memory
    (48 KB per block), taps = 1 + 2 * ceil(support * factor); on a GPU, the kernel itself is asked."""

    def largest(support, itemsize):
        fits = [k for k in range(1, 200) if (1 + 2 * math.ceil(support * k)) * 65 * itemsize <= 48 * 1024]
        return max(fits)

    # Review 63: the page said "below 100x (in float32 and float64)"; float64 values take twice the bytes and stop
    # below 50x. Bicubic's filter is twice as wide and stops at half the factor.
    assert (largest(1, 4), largest(1, 8)) == (94, 46)  # bilinear on both axes: below 100x and below 50x
    for itemsize in (4, 8):  # float32, float64
        assert largest(2, itemsize) == largest(1, itemsize) // 2  # bicubic at about half
    if torch.cuda.is_available():
        for mode, dtype in itertools.product(("bilinear", "bicubic"), (torch.float32, torch.float64)):
            x = torch.zeros(1, 1, 200, 200, device="cuda", dtype=dtype)
            with pytest.raises(RuntimeError, match="shared memory"):
                F.interpolate(x, scale_factor=1 / 100, mode=mode, antialias=True)
        x = torch.zeros(1, 1, 200, 200, device="cuda", dtype=torch.float64)
        assert F.interpolate(x, scale_factor=1 / 40, mode="bilinear", antialias=True).shape[-2:] == (5, 5)
        with pytest.raises(RuntimeError, match="shared memory"):
            F.interpolate(x, scale_factor=1 / 50, mode="bilinear", antialias=True)
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert "below 100× in float32 and below 50× in float64 (see [what an nn.Downsample would be]" in en
    assert "bicubic, whose filter is twice as wide, at about half those factors" in en
    assert "float32 不到 100 倍、float64 不到 50 倍就放不下了（见[如果真有 nn.Downsample]" in zh
    assert "双三次插值的滤波器宽一倍，在大约一半的倍数上就放不下了" in zh


def test_avg_pool_and_its_convolution_part_where_a_running_sum_overflows_though_the_total_is_finite():
    """The page: a finite window total is not enough; 3e38, 3e38, -3e38, -3e38 averages to inf, the conv gives 0."""
    values = torch.tensor([3e38, 3e38, -3e38, -3e38])
    assert torch.isfinite(values.double().sum()) and values.double().sum() == 0
    shapes = {1: (1, 1, 4), 2: (1, 1, 2, 2), 3: (1, 1, 1, 2, 2)}
    kernels = {1: 4, 2: 2, 3: (1, 2, 2)}
    for rank, shape in shapes.items():
        _, avg_pool, conv = POOL[rank]
        x = values.view(shape)
        weight = torch.full((1, 1) + tuple(shape[2:]), 0.25)
        assert torch.isinf(avg_pool(x, kernels[rank])).all(), rank
        assert conv(x, weight, stride=kernels[rank]).item() == 0, rank
    channels = values.view(1, 1, 2, 2).repeat(1, 3, 1, 1).contiguous(memory_format=torch.channels_last)
    assert torch.isinf(F.avg_pool2d(channels, 2)).all()


def test_pooling_first_runs_the_activation_on_a_quarter_only_without_ceil_mode_or_padding():
    # Review 21: on odd sides the 2x2 pool leaves fewer than a quarter only by default;
    # ceil_mode=True or padding=1 adds an output row and column, and then more than a quarter.
    for side in range(2, 40):
        x = torch.randn(1, 1, side, side)
        plain = F.max_pool2d(x, 2).numel()
        assert plain * 4 == side * side if side % 2 == 0 else plain * 4 < side * side
        if side % 2:
            for kwargs in ({"ceil_mode": True}, {"padding": 1}):
                assert F.max_pool2d(x, 2, **kwargs).numel() * 4 > side * side
    assert F.max_pool2d(torch.randn(1, 1, 5, 5), 2, ceil_mode=True).numel() == 9
    assert F.max_pool2d(torch.randn(1, 1, 5, 5), 2, padding=1).numel() == 9


def test_avg_pool_with_a_rectangular_kernel_is_a_convolution_with_one_over_the_window_size():
    # Review 21: "1/k^2" holds for square windows; a 2x3 (or 1x3x2) window weighs 1/6.
    for kernel in [(2, 3), (3, 1), (1, 4), (3, 5)]:
        x = torch.randn(2, 3, 11, 12, dtype=torch.float64)
        weight = torch.full((3, 1, *kernel), 1.0 / math.prod(kernel), dtype=torch.float64)
        pooled = F.avg_pool2d(x, kernel)
        torch.testing.assert_close(pooled, F.conv2d(x, weight, stride=kernel, groups=3), atol=1e-12, rtol=0)
        assert not torch.allclose(pooled, F.conv2d(x, weight * 0 + 1.0 / kernel[0] ** 2, stride=kernel, groups=3))
    x = torch.randn(1, 2, 5, 6, 7, dtype=torch.float64)
    weight = torch.full((2, 1, 1, 3, 2), 1.0 / 6, dtype=torch.float64)
    torch.testing.assert_close(
        F.avg_pool3d(x, (1, 3, 2)), F.conv3d(x, weight, stride=(1, 3, 2), groups=2), atol=1e-12, rtol=0
    )


@pytest.mark.parametrize("channels", [3, 5, 8])
def test_channels_last_uint8_copies_escape_both_odd_factor_bugs(channels):
    # Review 21: the uint8 exceptions to odd-factor slicing need the contiguous layout.
    torch.manual_seed(0)
    for height, width, k in ((9, 3, 3), (6, 3, 3), (3, 3, 3), (10, 5, 5), (7, 7, 7), (21, 7, 7)):
        x = torch.randint(0, 256, (1, channels, height, width), dtype=torch.uint8)
        out = F.interpolate(x.contiguous(memory_format=torch.channels_last), scale_factor=1 / k, mode="bilinear")
        assert torch.equal(out, x[..., k // 2 :: k, k // 2 :: k][..., : out.shape[-2], : out.shape[-1]])


def test_a_one_channel_channels_last_uint8_copy_keeps_the_width_one_bug_without_avx2():
    # Review 28: the page said "a channels_last copy escapes both" bugs. With one channel the copy is
    # also contiguous, and torch's default CPU code (no AVX2) gets it wrong at any channel count;
    # from two channels on, the channels_last copy is right.
    code = (
        "import torch, torch.nn.functional as F\n"
        "g = torch.Generator().manual_seed(0)\n"
        "for c in (1, 2, 3, 5):\n"
        "    x = torch.randint(0, 256, (1, c, 6, 3), dtype=torch.uint8, generator=g)\n"
        "    x = x.contiguous(memory_format=torch.channels_last)\n"
        "    out = F.interpolate(x, scale_factor=1 / 3, mode='bilinear')\n"
        "    print(torch.equal(out, x[..., 1::3, 1::3]))\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["False", "True", "True", "True"]


def test_bilinear_at_half_equals_avg_pool_for_floating_point_input_not_uint8():
    # Review 23: the page said bilinear at scale_factor=0.5 equals average pooling for even and odd
    # sizes, with no dtype; pooling refuses uint8, and contiguous uint8 bilinear with 5 channels
    # brought to one pixel wide is wrong (the CPU bug), far from the float pooling.
    x = torch.randint(0, 256, (1, 5, 4, 2), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    with pytest.raises((RuntimeError, NotImplementedError)):
        F.avg_pool2d(x, 2)
    half = F.interpolate(x, scale_factor=0.5, mode="bilinear").double()
    assert (half - F.avg_pool2d(x.double(), 2)).abs().max() > 1
    for dtype in (torch.float32, torch.float64):
        torch.testing.assert_close(
            F.interpolate(x.to(dtype), scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x.to(dtype), 2)
        )


def test_odd_factor_bilinear_uint8_hwc_view_is_not_slicing_where_a_channels_last_copy_is():
    # Review 25: the page excluded only contiguous uint8 from "bilinear at odd factors keeps the pixels
    # of slicing"; an HWC array permuted to NCHW (a view, not contiguous) with 5 or more channels
    # keeps the one-pixel-wide bug, while a channels_last copy escapes it.
    gen = torch.Generator().manual_seed(0)
    broken = []
    for k, channels, height in itertools.product((3, 5, 7), (5, 6, 8), (2, 3)):
        hwc = torch.randint(0, 256, (height * k, k, channels), dtype=torch.uint8, generator=gen)
        view = hwc.permute(2, 0, 1).unsqueeze(0)
        assert not view.is_contiguous()
        sliced = view[..., k // 2 :: k, k // 2 :: k]
        copy = torch.empty(view.shape, dtype=torch.uint8).contiguous(memory_format=torch.channels_last).copy_(view)
        assert torch.equal(F.interpolate(copy, scale_factor=1 / k, mode="bilinear"), sliced), (k, channels, height)
        got = F.interpolate(view, scale_factor=1 / k, mode="bilinear")
        if not torch.equal(got, sliced):
            assert (got == got[..., :1, :]).all()  # every row repeats the first
            broken.append((k, channels, height))
    assert len(broken) > 12, broken  # nearly every case: rows can coincide by chance only


def test_slicing_rules_hold_for_whole_blocks_and_slicing_keeps_more_on_remainders():
    # Review 26: "bilinear keeps the pixels of x[..., k//2::k]", "nearest ... x[..., ::k]" only on
    # sizes that k divides; otherwise slicing keeps one pixel more (8 pixels at k = 3: 2 vs 3).
    for k in range(2, 16):
        for n in range(k, 8 * k):
            x = torch.randn(1, 2, 1, n)
            near = F.interpolate(x, scale_factor=(1, 1 / k), mode="nearest")
            out = near.shape[-1]
            assert out == n // k
            assert torch.equal(near, x[..., ::k][..., :out])
            assert x[..., ::k].shape[-1] - out == (n % k != 0)
            if k % 2:
                bil = F.interpolate(x, scale_factor=(1, 1 / k), mode="bilinear")
                assert torch.equal(bil, x[..., k // 2 :: k][..., :out])
                assert x[..., k // 2 :: k].shape[-1] - out == (n % k > k // 2)


def test_index_says_a_recorded_gpu_tab_can_hold_an_earlier_version_of_the_code():
    # Review 30: docs/index.md (the site's first page, no example of its own) said the "Recorded on" tab
    # "holds what the same code printed"; a record made before the example last changed is still shown
    # (sitegen/record.py), marked as an earlier version's output. Where such a record exists, both
    # languages must say so.
    from pathlib import Path

    from sitegen import record

    root = Path(__file__).resolve().parents[2]
    saved = record.load()
    stale = [
        name
        for name in record.RECORDED
        if saved is not None and name in saved.examples and not saved.is_current(root / "examples" / name)
    ]
    index = (root / "docs" / "index.md").read_text(encoding="utf-8")
    index_zh = (root / "docs" / "index.zh.md").read_text(encoding="utf-8")
    if stale:
        assert "or an earlier version of it" in " ".join(index.split()), stale
        assert "旧版本" in index_zh, stale


def test_only_average_pooling_refuses_uint8_max_pooling_takes_it_on_the_cpu():
    # Review 34: the page said "pooling refuses uint8" where it compares bilinear with average pooling;
    # max pooling takes uint8 on the CPU, so the sentence names average pooling.
    x = torch.randint(0, 256, (1, 3, 4, 4), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    for pool in (F.avg_pool2d, F.adaptive_avg_pool2d):
        with pytest.raises((RuntimeError, NotImplementedError)):
            pool(x, 2)
    assert F.max_pool2d(x, 2).dtype == torch.uint8
    assert torch.equal(F.max_pool2d(x, 2), F.max_pool2d(x.float(), 2).to(torch.uint8))
    for page, phrase, wrong in (
        ("why-no-downsample.md", "(average pooling refuses `uint8`", "(pooling refuses"),
        ("why-no-downsample.zh.md", "（平均池化不接受 `uint8`", "（池化不接受"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert phrase in text and wrong not in text, page


def test_bilinear_half_equals_avg_pool_only_without_antialias():
    # why-no-downsample: scale_factor=0.5 bilinear is average pooling with antialias=False; with
    # antialias=True it weighs 4 pixels per axis by 1/8, 3/8, 3/8, 1/8 away from the border.
    torch.manual_seed(0)
    for n in (4, 6, 8, 10):
        x = torch.rand(1, 2, n, n, dtype=torch.float64)
        plain = F.interpolate(x, scale_factor=0.5, mode="bilinear")
        torch.testing.assert_close(plain, F.avg_pool2d(x, 2), rtol=0, atol=1e-12)
        smooth = F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True)
        assert (smooth - F.avg_pool2d(x, 2)).abs().max() > 1e-3
        taps = torch.tensor([1, 3, 3, 1], dtype=torch.float64) / 8
        kernel = (taps[:, None] * taps[None, :]).expand(2, 1, 4, 4)
        inner = F.conv2d(x, kernel, stride=2, padding=1, groups=2)[..., 1:-1, 1:-1]
        torch.testing.assert_close(smooth[..., 1:-1, 1:-1], inner, rtol=0, atol=1e-12)


def test_uint8_width_one_results_measured_under_default_are_not_claimed_for_arm():
    # Conventions: results measured under ATEN_CPU_CAPABILITY=default are not claimed for ARM, whose builds
    # have their own NEON uint8 kernel for 3-channel channels_last input (the HWC views this sentence names).
    for page in ("why-no-downsample.md", "why-no-downsample.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "such as an ARM one" not in text and "例如 ARM" not in text, page


def test_bilinear_half_equals_avg_pool_on_odd_sides_only_without_recompute_scale_factor():
    # Review 39: "scale_factor=0.5 and the defaults" equals average pooling on odd sizes; with
    # recompute_scale_factor=True an odd side steps by in/out (5 -> 2: 2.5) and leaves the blocks.
    torch.manual_seed(0)
    for n in range(2, 12):
        x = torch.randn(1, 2, n, n, dtype=torch.float64)
        pooled = F.avg_pool2d(x, 2)
        plain = F.interpolate(x, scale_factor=0.5, mode="bilinear")
        recomputed = F.interpolate(x, scale_factor=0.5, mode="bilinear", recompute_scale_factor=True)
        torch.testing.assert_close(plain, pooled)
        assert torch.allclose(recomputed, pooled) == (n % 2 == 0), n


def test_pooling_first_keeps_a_quarter_on_even_sizes_only_without_dilation():
    # Review 39: "a quarter of the values (on even sizes without padding)" fails with dilation=2 (6x6: 4 of 36).
    for n in range(2, 40, 2):
        x = torch.zeros(1, 1, n, n)
        assert F.max_pool2d(x, 2).numel() * 4 == n * n
        if n >= 4:
            assert F.max_pool2d(x, 2, dilation=2).numel() * 4 < n * n
    assert F.max_pool2d(torch.zeros(1, 1, 6, 6), 2, dilation=2).numel() == 4


def test_without_avx2_odd_factor_bilinear_slicing_holds_to_2_to_the_23_and_at_some_sizes_beyond():
    # Review 43: "bilinear holds only up to 2^23" was false: past 2^23 it still holds at some sizes
    # (8,388,615 is wrong, see above; 8,388,609 is not), and it holds up to 2^23.
    code = (
        "import torch, torch.nn.functional as F; assert torch.backends.cpu.get_cpu_capability() == 'DEFAULT'\n"
        "x = (torch.arange(8388653) % 251).float().view(1, 1, 1, -1)\n"
        "for k, n, kw in ((3, 8388606, {'size': (1, 2796202)}), (3, 8388609, {'scale_factor': (1, 1 / 3)}),\n"
        "                 (49, 8388604, {'scale_factor': (1, 1 / 49)}), (49, 8388653, {'size': (1, 171197)})):\n"
        "    out = F.interpolate(x[..., :n], mode='bilinear', **kw)\n"
        "    assert torch.equal(out, x[..., :n][..., k // 2 :: k]), (k, n, kw)\n"
        "print('ok')\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["ok"]


def test_int64_average_pooling_truncates_so_it_is_no_convolution_and_hides_relus_order():
    # The CPU pools int64 too, and rounds each quotient toward zero (divisor_override included):
    # no convolution with weights 1/k computes that, and the truncation can hide ReLU's order, so
    # both rules are stated for floating-point input only.
    x = torch.tensor([[[-1, -2, 1, 2, -7, 0, 5, 0, 3, -1]]])
    pooled = F.avg_pool1d(x, 2)
    exact = F.conv1d(x.double(), torch.full((1, 1, 2), 0.5, dtype=torch.float64), stride=2)
    assert pooled.dtype == torch.int64 and pooled[0, 0].tolist() == [-1, 1, -3, 2, 1]
    assert not torch.equal(pooled.double(), exact) and torch.equal(pooled.double(), exact.trunc())
    assert not torch.equal(pooled.double(), exact.floor()) and not torch.equal(pooled.double(), exact.round())
    row = x.view(1, 1, 1, -1)
    divided = F.avg_pool2d(row, (1, 2), divisor_override=3)[0, 0, 0].tolist()
    assert divided == [-1, 1, -2, 1, 0]  # -7 / 3 and 5 / 3 rounded toward zero
    # the last window holds 3 and -1: ReLU's order matters in float, not in int64
    pair = torch.tensor([[[3, -1]]])
    assert torch.equal(F.avg_pool1d(F.relu(pair), 2), F.relu(F.avg_pool1d(pair, 2)))
    assert not torch.equal(F.avg_pool1d(F.relu(pair.float()), 2), F.relu(F.avg_pool1d(pair.float(), 2)))
    # the glossary: the mean of each window, rounded toward zero, on int64 input on the CPU
    windows = torch.randint(-50, 50, (1, 3, 40), generator=torch.Generator().manual_seed(0))
    means = windows.double().view(1, 3, 10, 4).mean(-1)
    assert torch.equal(F.avg_pool1d(windows, 4).double(), means.trunc())


def test_pooling_first_keeps_a_quarter_only_at_stride_two():
    # Review 48: "pooling first (2x2 windows) runs the activation on a quarter of the values (on even sizes
    # without padding or dilation)" dropped the stride: 2x2 windows at stride 1 (as in some detectors) keep
    # (n-1)^2 of n^2, 25 of 36 for 6x6; the default stride of 2 keeps a quarter.
    for n in range(2, 40, 2):
        x = torch.zeros(1, 1, n, n)
        assert F.max_pool2d(x, 2).numel() * 4 == n * n
        assert F.max_pool2d(x, 2, stride=1).numel() == (n - 1) ** 2
        assert nn.MaxPool2d(2, stride=1)(x).numel() * 4 > n * n or n == 2  # 2x2 -> 1x1 either way
    assert nn.MaxPool2d(2).stride == 2
    for name in ("why-no-downsample.md", "why-no-downsample.zh.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert "(2×2 windows) runs" not in text and "（2×2 窗口，尺寸为偶数" not in text


def test_the_resample_cells_comment_says_bilinear_at_half_is_avg_pool_only_up_to_rounding(ns):
    # Review 48: the shown comment said "interpolate(bilinear) at 0.5 is AvgPool2d(2)". They agree only up to
    # rounding: on the CPU, bilinear's last bits even depend on how many threads share the image (with one
    # thread this 256x256 image matches bit for bit, with two it does not, under AVX2 and generic code alike).
    h = ns["halves"]
    torch.testing.assert_close(h["interpolate(bilinear)"], h["AvgPool2d(2)"])
    x = torch.rand(1, 3, 256, 256, generator=torch.Generator().manual_seed(0))
    threads = torch.get_num_threads()
    try:
        torch.set_num_threads(2)
        assert not torch.equal(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2))
    finally:
        torch.set_num_threads(threads)
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert (
        "at 0.5 is AvgPool2d(2);" not in source
        and "On this photo interpolate(bilinear) at 0.5 is AvgPool2d(2) up to float rounding" in source
    )


def test_avg_pool_and_relu_can_commute_on_a_window_that_mixes_signs():
    # Review 48: the shown comment said avg pooling and ReLU "commute only where no window mixes signs"; the
    # page itself names mixed windows where float32 hides the difference: 1 and -1e-10 average to 0.5 either way.
    x = torch.tensor([[[1.0, -1e-10]]])
    assert torch.equal(F.avg_pool1d(F.relu(x), 2), F.relu(F.avg_pool1d(x, 2)))
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "commute only where no window mixes signs" not in source


@pytest.mark.parametrize("rank", [1, 2, 3])
def test_max_pool_with_two_pixel_windows_is_a_convolution_where_padding_leaves_one_pixel_per_window(rank):
    # Review 50: the page said max pooling is not a convolution "for any weights (unless kernel_size=1)". With
    # kernel_size=2, stride=2, padding=1 on 2 pixels per axis every window holds one input pixel (the rest is
    # padding), and max pooling is the identity: a convolution (all-ones 2x2 weights at the same stride and
    # padding), which passes the affine test that the page's MaxPool2d(2) fails. A window of two input pixels
    # (3 pixels per axis) fails it again.
    max_pool, _, conv = POOL[rank]
    generator = torch.Generator().manual_seed(50 + rank)
    x = torch.randn((2, 3) + (2,) * rank, generator=generator)
    weight = torch.ones((3, 1) + (2,) * rank)
    pooled = max_pool(x, 2, stride=2, padding=1)
    assert torch.equal(pooled, x) and torch.equal(pooled, conv(x, weight, stride=2, padding=1, groups=3))
    for size, (i, j), residual in ((2, (0, -1), 0), (3, (1, 2), 1)):  # (3: pixels 1 and 2 share a window)
        a, b = torch.zeros((1, 1) + (size,) * rank), torch.zeros((1, 1) + (size,) * rank)
        a.view(-1)[i], b.view(-1)[j] = 1, 1
        f = lambda v: max_pool(v, 2, stride=2, padding=1)  # noqa: E731
        assert (f(a + b) - f(a) - f(b) + f(torch.zeros_like(a))).abs().max().item() == residual, size
    for name, old in (
        ("why-no-downsample.md", "(unless `kernel_size=1`: its windows"),
        ("why-no-downsample.zh.md", "（`kernel_size=1` 除外："),
    ):
        assert old not in (ROOT / "docs" / name).read_text(encoding="utf-8")


def test_bilinear_at_one_half_can_equal_avg_pool_bit_for_bit_on_one_thread():
    # Review 50: the page said bilinear at 0.5 is average pooling "not bit for bit: it adds the four pixels in
    # another order". On one CPU thread these shapes agree bit for bit (the photo's shape and odd sizes too), and
    # two threads change the last bits of one of them, under AVX2 and generic code alike (pinned, so that an
    # AVX-512 machine runs the same paths). Other shapes differ on one thread too: "not always bit for bit".
    code = """
import torch, torch.nn.functional as F
def same(shape, threads):
    torch.set_num_threads(threads)
    x = torch.rand(*shape, generator=torch.Generator().manual_seed(0))
    return torch.equal(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2))
shapes = [(1, 3, 256, 256), (1, 3, 600, 512), (1, 3, 7, 9), (2, 5, 64, 64)]
print(all(same(s, 1) for s in shapes), same((1, 3, 256, 256), 2))
"""
    for capability in ("avx2", "default"):
        assert run_python(code, ATEN_CPU_CAPABILITY=capability).split() == ["True", "False"], capability
    for name, old in (
        ("why-no-downsample.md", "not bit for bit: it adds the four pixels in another order"),
        ("why-no-downsample.zh.md", "两者把四个像素相加的顺序不同"),
    ):
        assert old not in (ROOT / "docs" / name).read_text(encoding="utf-8")


def test_the_resample_cells_slicing_comment_and_lines_name_the_2k_crops():
    # Review 50: the shown comment said "interpolate(nearest) at 1/k is slicing x[..., ::k, ::k]" with no size; on
    # a size that k does not divide the slice keeps one pixel more (5 pixels at k = 2: 2 outputs, 3 sliced), and
    # the printed lists of factors are measured on 2k x 2k crops only.
    for k, n in ((2, 5), (3, 7), (4, 9)):
        x = torch.arange(float(n)).view(1, 1, 1, n)
        assert F.interpolate(x, scale_factor=(1, 1 / k), mode="nearest").shape[-1] + 1 == x[..., ::k].shape[-1]
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "# interpolate(nearest) at 1/k is slicing x[..., ::k, ::k], except" not in source
    assert "On 2k x 2k crops (sizes that k divides), interpolate(nearest)" in source
    assert source.count("where interpolate(x[..., :2k, :2k], scale_factor=1/k,") == 2


def test_the_summary_table_does_not_call_every_max_pool2d_non_linear():
    # Review 50: the table's row said "`nn.MaxPool2d` (not linear)" for every MaxPool2d; with kernel_size=1 (any
    # stride) it slices, and kernel_size=2, stride=2, padding=1 on a 2x2 input is the identity: both linear.
    generator = torch.Generator().manual_seed(50)
    a, b = torch.randn(2, 3, 2, 2, generator=generator), torch.randn(2, 3, 2, 2, generator=generator)
    for pool in (nn.MaxPool2d(1), nn.MaxPool2d(1, stride=2), nn.MaxPool2d(2, stride=2, padding=1)):
        assert torch.equal(pool(a + b), pool(a) + pool(b)) and torch.equal(pool(3 * a), 3 * pool(a)), pool
    for name, old in (
        ("why-no-downsample.md", "`nn.MaxPool2d` (not linear)"),
        ("why-no-downsample.zh.md", "（非线性）"),
    ):
        assert old not in (ROOT / "docs" / name).read_text(encoding="utf-8")


def test_the_affine_residual_of_a_convolution_is_nan_for_an_infinite_input_or_weight():
    # Review 54: the page said the residual is zero "for all inputs (... as long as nothing overflows)". An inf
    # input is no overflow, yet any window that reads it gives inf - inf = nan; an inf weight gives conv(0) =
    # 0 * inf = nan. The rule needs finite inputs and weights.
    generator = torch.Generator().manual_seed(54)
    for rank in (1, 2, 3):
        conv = POOL[rank][2]
        weight = torch.randn((2, 2) + (2,) * rank, generator=generator)
        a, b = (torch.randn((1, 2) + (4,) * rank, generator=generator) for _ in range(2))
        f = lambda x, w=weight: conv(x, w, bias=torch.ones(2), stride=2)  # noqa: E731
        assert affine_residual(f, a, b).abs().max() < 1e-5, rank
        a.view(-1)[0] = float("inf")
        residual = affine_residual(f, a, b)
        assert residual.isnan().view(2, -1)[:, 0].all() and residual.isfinite().view(2, -1)[:, 1:].all(), rank
        a.view(-1)[0] = 0
        weight.view(-1)[0] = float("-inf")
        assert affine_residual(f, a, b).isnan().any(), rank
    for name, old in (("why-no-downsample.md", "is zero for all inputs"), ("why-no-downsample.zh.md", "对所有输入，")):
        assert old not in (ROOT / "docs" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_cpu_3d_average_pooling_refuses_half_types_that_the_convolution_takes(dtype):
    """Review 63: "on floating-point input ... the two agree to float rounding in 1-D, 2-D and 3-D" - on the CPU
    avg_pool3d refuses float16 and bfloat16 in either layout, while conv3d and the 1-D and 2-D poolings take them."""
    x = torch.randn(1, 2, 6, 6, 6).to(dtype)
    for layout in (torch.contiguous_format, torch.channels_last_3d):
        with pytest.raises(RuntimeError, match="not implemented"):
            F.avg_pool3d(x.contiguous(memory_format=layout), 2)
    weight = torch.full((2, 1, 2, 2, 2), 1 / 8).to(dtype)
    torch.testing.assert_close(
        F.conv3d(x, weight, stride=2, groups=2).float(), F.avg_pool3d(x.float(), 2), atol=0.02, rtol=0.02
    )
    for rank in (1, 2):
        y = x[(...,) + (0,) * (3 - rank)]
        _, avg_pool, conv = POOL[rank]
        weight = torch.full((2, 1) + (2,) * rank, 1 / 2**rank).to(dtype)
        torch.testing.assert_close(avg_pool(y, 2), conv(y, weight, stride=2, groups=2), atol=0.02, rtol=0.02)
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert "(on the CPU, 3-D\naverage pooling refuses float16 and bfloat16, which the convolution takes)" in en
    assert "（CPU 上的三维平均池化不接受 float16 和 bfloat16，卷积则接受）" in zh


def test_the_avg_is_a_conv_cells_comment_gives_the_weight_of_every_rank_it_checks(ns):
    """Review 63: the shown comment said the convolution's weights are 1/k^2 and then checks 1-D and 3-D input,
    whose windows weigh 1/k and 1/k^3 (the cell's own avg_pool_as_conv uses 1/k**rank)."""
    for x, k in ((torch.rand(1, 2, 9), 3), (torch.rand(1, 2, 6, 6, 6), 2)):
        rank = x.dim() - 2
        conv = (F.conv1d, F.conv2d, F.conv3d)[rank - 1]
        square = torch.full((2, 1) + (k,) * rank, 1.0 / k**2)
        assert not torch.allclose(conv(x, square, stride=k, groups=2), POOL[rank][1](x, k))
        torch.testing.assert_close(ns["avg_pool_as_conv"](x, k, k), POOL[rank][1](x, k))
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert (
        "fixed weights 1/k^2 (per" not in source
        and "1/k^rank\n# for a k-wide window in each of rank dimensions" in source
    )


@pytest.mark.filterwarnings("ignore:ComplexHalf support is experimental", "ignore:BComplex32 support is experimental")
def test_floating_point_input_names_its_dtypes_float8_and_complex_are_refused():
    """Review 64: "on floating-point input" read for every dtype torch calls floating point, float8 included, yet
    on the CPU average pooling, the convolution and bilinear refuse the float8 types, and pooling and bilinear refuse
    complex input; the rules hold for float16 to float64 only. Review 76: the page added "which the convolution
    takes" of complex input, but the CPU convolution refuses bcomplex32 (complex32 it takes): the clause is gone."""
    modes = {1: "linear", 2: "bilinear", 3: "trilinear"}
    # every float8 type of the installed torch, float8_e8m0fnu included (review 77: it was missing here)
    float8 = [getattr(torch, name) for name in dir(torch) if name.startswith("float8_")]
    assert torch.float8_e8m0fnu in float8
    complex_dtypes = [torch.complex32, torch.bcomplex32, torch.complex64, torch.complex128]
    for rank, dtype in itertools.product((1, 2, 3), float8 + complex_dtypes):
        assert dtype.is_floating_point == (dtype in float8) and dtype.is_complex == (dtype in complex_dtypes)
        x = torch.ones((1, 2) + (4,) * rank).to(dtype)
        weight = torch.full((2, 1) + (2,) * rank, 0.5**rank).to(dtype)
        for layout in (torch.contiguous_format,) if rank == 1 else (torch.contiguous_format, torch.channels_last):
            y = x.contiguous(
                memory_format=torch.channels_last_3d if rank == 3 and layout != torch.contiguous_format else layout
            )
            with pytest.raises((RuntimeError, NotImplementedError)):
                POOL[rank][1](y, 2)
            with pytest.raises((RuntimeError, NotImplementedError)):
                F.interpolate(y, scale_factor=0.5, mode=modes[rank])
        if dtype in float8 or dtype == torch.bcomplex32:
            with pytest.raises((RuntimeError, NotImplementedError)):
                POOL[rank][2](x, weight, stride=2, groups=2)
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert (
        "Floating-point input means float16, bfloat16, float32 and float64 here: on the CPU\nboth refuse the float8"
        in en
    )
    assert "floating-point input (float16 to float64;\non the CPU both refuse float8 and complex input)" in en
    assert "这里的浮点输入指 float16、bfloat16、float32 和 float64：CPU 上两者都不接受 float8 类型" in zh
    assert "which the convolution takes. The two agree" not in en and "卷积则接受。" not in zh
    assert "对浮点输入（float16 到 float64；CPU 上两者都不接受 float8 和复数输入）" in zh
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "refuses float16 and bfloat16, and both refuse float8)" in source  # the cell's comment


def test_avg_pool_and_relu_commute_on_one_sign_windows_only_with_a_positive_divisor():
    """Review 75: "Where every window has a single sign, the two orders agree" for average pooling: torch accepts a
    negative divisor_override, which flips the sign of every mean, so ReLU then zeroes a positive window's mean while
    pooling the ReLU output gives a negative one (and a negative window the other way round); with a positive
    divisor the orders agree."""
    g = torch.Generator().manual_seed(0)
    for pool, shape in ((F.avg_pool2d, (2, 3, 6, 6)), (F.avg_pool3d, (2, 3, 4, 4, 4))):
        for sign in (1, -1):
            x = sign * (torch.rand(shape, generator=g) + 0.1)  # every window of one sign
            for d in (-3, -1, 1, 2, 5):
                relu_first = pool(F.relu(x), 2, divisor_override=d)
                pool_first = F.relu(pool(x, 2, divisor_override=d))
                assert torch.equal(relu_first, pool_first) is (d > 0), (pool, sign, d)
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    example = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "single sign and the divisor is positive (torch also accepts a negative\n`divisor_override`)" in en
    assert "每个窗口里的值都同号、且除数为正时（torch 也接受负的 `divisor_override`）" in zh
    assert "average pooling (with a positive divisor) and ReLU commute where no window mixes signs" in example


def test_max_pool_commutes_with_non_decreasing_activations_on_finite_input_only():
    """Review 78: "max pooling commutes with every non-decreasing activation" read for infinite input too, but
    torch's Softsign, increasing on the reals, computes x / (1 + |x|) and turns ±inf into nan: a window
    holding -inf and a finite value gives nan when the activation runs first (max pooling keeps the nan) and
    Softsign of the finite value when pooling runs first."""
    finite = torch.linspace(-1e30, 1e30, 20001, dtype=torch.float64)
    for dtype in (torch.float32, torch.float64):
        values = torch.cat([finite, torch.randn(20000, dtype=torch.float64) * 10]).to(dtype).sort().values
        assert (F.softsign(values).diff() >= 0).all()
        assert F.softsign(torch.tensor([math.inf, -math.inf], dtype=dtype)).isnan().all()
        for rank in (1, 2, 3):
            for first, second in ((-math.inf, 5.0), (5.0, -math.inf), (-math.inf, -2.0)):
                x = torch.tensor([first, second], dtype=dtype).view((1, 1) + (1,) * (rank - 1) + (2,))
                window = (1,) * (rank - 1) + (2,)
                max_pool = POOL[rank][0]
                after, before = max_pool(F.softsign(x), window), F.softsign(max_pool(x, window))
                assert after.isnan().all() and before.isfinite().all()
            x = torch.randn((2, 3) + (6,) * rank, dtype=dtype) * 1e3
            torch.testing.assert_close(POOL[rank][0](F.softsign(x), 2), F.softsign(POOL[rank][0](x, 2)), rtol=0, atol=0)
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    example = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "result for ReLU: max pooling commutes\nwith every non-decreasing" not in en
    assert (
        "on finite input (torch's Softsign\nturns ±inf into `nan`), max pooling commutes with every non-decreasing"
        in en
    )
    assert "顺序对结果毫无影响：对有限输入（torch 的 Softsign 会把 ±inf 变成 `nan`），最大池化与任何单调不减" in zh
    assert "# On finite input, max pooling commutes with ReLU, and with every non-decreasing activation" in example
    # (on finite floats Softsign's x / (1 + |x|) is non-decreasing only up to rounding: review r132-1's test below)


def _descents(values, activation):
    """Pairs x1 < x2 of sorted, finite values where the activation gives x1 the larger output."""
    out = activation(values)
    where = (out[1:] < out[:-1]).nonzero().flatten()
    return values[where], values[where + 1]


def test_softsign_keeps_the_order_of_floats_only_up_to_rounding_so_its_orders_can_differ_in_the_last_bits():
    """Review r132-1: the page named Softsign under "max pooling commutes with every non-decreasing activation"
    with only the ±inf caveat, and its "Bit for bit:" list named no Softsign; the test above asserted its orders
    equal bit for bit on random values. torch computes x / (1 + |x|), and where 1 + |x| rounds (down or up) a larger input
    gives a smaller output, in every floating-point dtype: in float32 the window (3.0000002, 3.0000005) pools to
    0.75000006 after Softsign and to 0.75 before it (a descent in every rank and in both orders of the window)."""
    assert_pages_say(
        ("why-no-downsample.md", "Softsign, computed as x / (1 + |x|), does not keep the order of every two floats,"),
        ("why-no-downsample.md", "in float32, 3.0000002 gives 0.75000006 and 3.0000005 gives 0.75, so a window"),
        (
            "why-no-downsample.zh.md",
            "Softsign 按 x / (1 + |x|) 计算，在任何浮点 dtype 下都不能保持所有浮点数的大小顺序",
        ),
        ("why-no-downsample.zh.md", "float32 中，3.0000002 得到 0.75000006，3.0000005 得到 0.75"),
    )
    x1, x2 = torch.tensor([3.0000002, 3.0000005])
    three = torch.tensor(3.0)
    assert x1 == torch.nextafter(three, x2) and x2 == torch.nextafter(x1, x2 + 1)  # the two floats after 3
    assert f"{F.softsign(x1).item():.8g}" == "0.75000006" and F.softsign(x2).item() == 0.75
    bits = {
        torch.float16: torch.int16,
        torch.bfloat16: torch.int16,
        torch.float32: torch.int32,
        torch.float64: torch.int64,
    }
    for dtype, int_dtype in bits.items():
        if dtype in (torch.float16, torch.bfloat16):  # every finite positive value, and its negative
            top = 0x7C00 if dtype == torch.float16 else 0x7F80
            positive = torch.arange(1, top, dtype=torch.int32).to(int_dtype).view(dtype)
        else:  # the values around 3 and 7 (1 + |x| near 4 and 8), 200,000 either side
            positive = torch.cat(
                [
                    torch.arange(c - 200_000, c + 200_000, dtype=int_dtype).view(dtype)
                    for c in (torch.tensor([v], dtype=dtype).view(int_dtype).item() for v in (3.0, 7.0))
                ]
            )
        for values in (positive, -positive.flip(0)):
            low, high = _descents(values, F.softsign)
            assert len(low) > 0, dtype
            assert (low < high).all() and (F.softsign(low) > F.softsign(high)).all()
            pair = torch.stack([low[0], high[0]])
            for rank in (1, 2, 3):
                max_pool = POOL[rank][0]
                for window in (pair, pair.flip(0)):
                    x = window.view((1, 1) + (1,) * (rank - 1) + (2,))
                    size = (1,) * (rank - 1) + (2,)
                    after, before = max_pool(F.softsign(x), size), F.softsign(max_pool(x, size))
                    assert after.item() == F.softsign(low[0]).item() and before.item() == F.softsign(high[0]).item()
                    assert after.item() != before.item(), (dtype, rank)
                    # the last bits: the two orders stay within a few rounding steps
                    gap = (after.view(int_dtype).long() - before.view(int_dtype).long()).abs().item()
                    assert 1 <= gap <= 4, (dtype, rank, gap)


@pytest.mark.parametrize("capability", ["default", "avx2", None])
def test_tanhshrink_keeps_the_order_of_floats_only_far_beyond_a_rounding_step_where_tanh_cancels_x(capability):
    """Review r132-1: Tanhshrink, x - tanh(x), is non-decreasing on the reals, so the page's rule named it among the
    activations whose orders give the same numbers on finite input; in float32 tanh(x) cancels most of x near 0
    and a larger input can give a smaller output by hundreds of steps: the window (-0.10057313, -0.100573123)
    gives -0.00033772737 after Tanhshrink and -0.00033773482 before it, 256 float32 steps apart, in torch's
    generic, AVX2 and (on this machine) AVX-512 code."""
    assert_pages_say(
        ("why-no-downsample.md", "Tanhshrink, computed as x − tanh(x), does not keep the order of every two float32"),
        ("why-no-downsample.md", "gives −0.00033772737 one way and −0.00033773482 the other, 256 float32 steps apart."),
        ("why-no-downsample.zh.md", "Tanhshrink 按 x − tanh(x) 计算，同样不能保持所有 float32 数值的大小顺序"),
        ("why-no-downsample.zh.md", "另一种得到 −0.00033773482，两者相差 256 个 float32 舍入单位"),
    )
    code = """
import torch, torch.nn.functional as F
out = []
for rank, pool in ((1, F.max_pool1d), (2, F.max_pool2d), (3, F.max_pool3d)):
    for pair in ([-0.10057313, -0.100573123], [-0.100573123, -0.10057313]):
        x = torch.tensor(pair).view((1, 1) + (1,) * (rank - 1) + (2,))
        size = (1,) * (rank - 1) + (2,)
        after, before = pool(F.tanhshrink(x), size), F.tanhshrink(pool(x, size))
        out.append(f"{after.item():.8g} {before.item():.8g} {(after.view(torch.int32) - before.view(torch.int32)).abs().item()}")
low, high = torch.tensor([-0.10057313, -0.100573123])
out.append(str(bool(low < high)))
print(";".join(out))
"""
    printed = run_python(code, **({"ATEN_CPU_CAPABILITY": capability} if capability else {})).strip().split(";")
    assert printed[-1] == "True"
    assert set(printed[:-1]) == {"-0.00033772737 -0.00033773482 256"}, printed


@pytest.mark.parametrize("capability", ["default", "avx2", None])
def test_logsigmoid_keeps_the_order_of_float32_and_float64_values_only_up_to_a_rounding_step(capability):
    """Review r133-1: LogSigmoid, increasing on the reals, was left among the activations whose two orders give the
    same numbers on finite input; torch computes min(x, 0) - log1p(exp(-|x|)), and near -0.1 a larger float32 or
    float64 input can give a smaller output: the window (-0.114, -0.11399999) gives -0.75177079 after LogSigmoid and
    -0.75177085 before it, one float32 step apart, in torch's generic, AVX2 and (on this machine) AVX-512 code."""
    assert_pages_say(
        ("why-no-downsample.md", "LogSigmoid, computed as min(x, 0) − log1p(exp(−|x|)), does not keep the order"),
        ("why-no-downsample.md", "gives −0.75177079 one way and −0.75177085 the other, one float32 step apart."),
        (
            "why-no-downsample.zh.md",
            "LogSigmoid 按 min(x, 0) − log1p(exp(−|x|)) 计算，同样不能保持所有 float32 或 float64",
        ),
        ("why-no-downsample.zh.md", "另一种得到 −0.75177085，两者相差一个 float32 舍入单位"),
    )
    code = """
import torch, torch.nn.functional as F
out = []
low, high = torch.tensor([-0.114, -0.11399999])
out.append(str(bool(torch.nextafter(low, high) == high)))
for rank, pool in ((1, F.max_pool1d), (2, F.max_pool2d), (3, F.max_pool3d)):
    for pair in ([-0.114, -0.11399999], [-0.11399999, -0.114]):
        x = torch.tensor(pair).view((1, 1) + (1,) * (rank - 1) + (2,))
        size = (1,) * (rank - 1) + (2,)
        after, before = pool(F.logsigmoid(x), size), F.logsigmoid(pool(x, size))
        out.append(f"{after.item():.8g} {before.item():.8g} {(after.view(torch.int32) - before.view(torch.int32)).abs().item()}")
# float64: a descent between two neighbouring doubles near -0.1 (the first of a sweep of 400,000)
center = torch.tensor([-0.1], dtype=torch.float64).view(torch.int64).item()
values = torch.arange(center - 200_000, center + 200_000, dtype=torch.int64).view(torch.float64).sort().values
y = F.logsigmoid(values)
out.append(str(bool((y[1:] < y[:-1]).any())))
print(";".join(out))
"""
    printed = run_python(code, **({"ATEN_CPU_CAPABILITY": capability} if capability else {})).strip().split(";")
    assert printed[0] == "True" and printed[-1] == "True", printed
    assert set(printed[1:-1]) == {"-0.75177079 -0.75177085 1"}, printed


def test_relu6_prelu_rrelu_and_softshrink_commute_with_max_pooling_except_for_the_sign_of_a_zero():
    """Review r133-1: the sign-of-zero bullet named ReLU, LeakyReLU and Hardtanh, and the page's rule left every other
    non-decreasing activation equal bit for bit; ReLU6 keeps -0.0 and turns -1 into +0.0 as ReLU does, PReLU and
    RReLU in eval mode underflow a tiny negative value to -0.0 as LeakyReLU does, and Softshrink turns -0.3 into -0.0
    and 0.3 into +0.0, so the window (-0.3, 0.3) gives -0.0 one way and +0.0 the other. Over a grid of two-value
    windows, in ranks 1 to 3, each of them agrees as numbers and differs only in the sign of a zero; RReLU in
    training mode draws a random slope per value."""
    assert_pages_say(
        (
            "why-no-downsample.md",
            "ReLU, ReLU6, LeakyReLU, PReLU, RReLU (in eval mode; in training mode it draws a random",
        ),
        (
            "why-no-downsample.md",
            "Softshrink turns 0.3 into +0.0, and −0.3 into −0.0 in its scalar code",
        ),
        (
            "why-no-downsample.zh.md",
            "ReLU、ReLU6、LeakyReLU、PReLU、RReLU（eval 模式下；训练模式下它为每个值随机取斜率）",
        ),
        ("why-no-downsample.zh.md", "Softshrink 则把 0.3 变成 +0.0；−0.3 在它的标量代码里变成 −0.0"),
    )
    values = [-2.0, -1.0, -0.5, -0.3, -1e-45, -0.0, 0.0, 1e-45, 0.3, 0.5, 1.0, 2.0]
    named = {
        "ReLU": nn.ReLU(),
        "ReLU6": nn.ReLU6(),
        "LeakyReLU": nn.LeakyReLU(),
        "PReLU": nn.PReLU(),
        "RReLU": nn.RReLU().eval(),
        "Softshrink": nn.Softshrink(),
    }
    for name, act in named.items():
        signs = set()
        for rank in (1, 2, 3):
            max_pool, size = POOL[rank][0], (1,) * (rank - 1) + (2,)
            for a, b in itertools.product(values, values):
                x = torch.tensor([a, b]).view((1, 1) + size)
                with torch.no_grad():
                    after, before = max_pool(act(x), size), act(max_pool(x, size))
                assert after.item() == before.item(), (name, a, b)  # equal as numbers
                if after.view(torch.int32).item() != before.view(torch.int32).item():
                    signs.add((a, b, str(after.item()), str(before.item())))
        assert signs, name
        assert all(float(s[2]) == 0 for s in signs), (name, signs)
    window = torch.tensor([-0.3, 0.3]).view(1, 1, 2)
    after, before = F.max_pool1d(F.softshrink(window), 2), F.softshrink(F.max_pool1d(window, 2))
    assert str(after.item()) == "-0.0" and str(before.item()) == "0.0"
    for window in ([-1.0, -0.0],):
        x = torch.tensor(window).view(1, 1, 2)
        assert str(F.max_pool1d(F.relu6(x), 2).item()) == "0.0" and str(F.relu6(F.max_pool1d(x, 2)).item()) == "-0.0"
    # training-mode RReLU is no fixed function: the same value twice gets two slopes
    twice = F.rrelu(torch.full((1000,), -1.0), training=True)
    assert twice.unique().numel() > 1


@pytest.mark.parametrize("capability", ["default", "avx2", None])
def test_float64_softplus_steps_down_where_it_reverts_to_x_so_its_orders_differ(capability):
    """Review r133-1: the page gave Softplus only the SIMD/scalar rounding of float32 input, so float64 read as bit for
    bit; torch's Softplus returns x once beta * x exceeds threshold (20), where log1p(exp(x)) is larger by 2e-9, so the
    float64 window (20.0, 20.000000000000004) pools to 20.000000002061153 after Softplus and 20.000000000000004 before
    it (ranks 1-3, both orders, every capability); float32 rounds the step away at betas 0.1 to 30."""
    assert_pages_say(
        ("why-no-downsample.md", "Softplus returns x itself once `beta` × x exceeds its `threshold` (20 by default),"),
        (
            "why-no-downsample.md",
            "20.0 and 20.000000000000004 gives 20.000000002061153 one way and 20.000000000000004 the other.",
        ),
        ("why-no-downsample.zh.md", "Softplus 在 `beta` × x 超过 `threshold`（默认为 20）时直接返回 x 本身"),
        ("why-no-downsample.zh.md", "一种顺序得到 20.000000002061153，另一种得到 20.000000000000004"),
    )
    assert f"{math.log1p(math.exp(20.0)) - 20.0:.1g}" == "2e-09"
    code = """
import torch, torch.nn.functional as F
out = []
low = torch.tensor(20.0, dtype=torch.float64)
high = torch.nextafter(low, torch.tensor(21.0, dtype=torch.float64))
out.append(repr(high.item()))
for rank, pool in ((1, F.max_pool1d), (2, F.max_pool2d), (3, F.max_pool3d)):
    for pair in ((low, high), (high, low)):
        x = torch.stack(pair).view((1, 1) + (1,) * (rank - 1) + (2,))
        size = (1,) * (rank - 1) + (2,)
        out.append(f"{pool(F.softplus(x), size).item()!r} {F.softplus(pool(x, size)).item()!r}")
for beta in (0.1, 1.0, 2.0, 7.0, 30.0):  # float32 keeps its order across the switch
    c = torch.tensor([20.0 / beta]).view(torch.int32).item()
    y = F.softplus(torch.arange(c - 1000, c + 1000, dtype=torch.int32).view(torch.float32), beta=beta)
    out.append(str(int((y[1:] < y[:-1]).sum())))
print(";".join(out))
"""
    printed = run_python(code, **({"ATEN_CPU_CAPABILITY": capability} if capability else {})).strip().split(";")
    assert printed[0] == "20.000000000000004", printed
    assert set(printed[1:7]) == {"20.000000002061153 20.000000000000004"}, printed
    assert printed[7:] == ["0"] * 5, printed


def test_hardtanh_commutes_with_max_pooling_bit_for_bit_so_the_page_does_not_list_it_with_the_signs_of_zero():
    """Review r133-1: the page said "ReLU, LeakyReLU and Hardtanh agree except for the sign of a zero", but Hardtanh
    keeps every value from -1 to 1 as it is, -0.0 included, and its two orders agree bit for bit: over every
    three-value window of a grid of zeros, tiny values and values around +-1, in four dtypes and ranks 1 and 2, and on
    random features (where ReLU's orders differ on a window holding -1 and then -0.0)."""
    assert_pages_say(
        (
            "why-no-downsample.md",
            "(Hardtanh, which keeps every value from −1 to 1 as it is, −0.0 included, agrees bit for bit)",
        ),
        ("why-no-downsample.zh.md", "（Hardtanh 把 −1 到 1 之间的值原样保留，−0.0 也不例外，所以每一位都相同）"),
    )
    grid = [-3.0, -1.0000001, -1.0, -0.9999999, -0.5, -1e-45, -0.0, 0.0, 1e-45, 0.5, 0.9999999, 1.0, 1.0000001, 3.0]
    for dtype in (torch.float32, torch.float64, torch.float16, torch.bfloat16):
        for rank in (1, 2):
            max_pool, size = POOL[rank][0], (1,) * (rank - 1) + (3,)
            windows = torch.tensor(list(itertools.product(grid, repeat=3)), dtype=dtype)
            x = windows.view((len(windows), 1) + size)
            after, before = max_pool(F.hardtanh(x), size), F.hardtanh(max_pool(x, size))
            assert torch.equal(after.double().view(torch.int64), before.double().view(torch.int64)), (dtype, rank)
    features = 3 * torch.randn(4, 8, 64, 64, generator=torch.Generator().manual_seed(0))
    features[0, 0, :2, :2] = torch.tensor([[-1.0, -0.0], [-1.0, -1.0]])  # the page's ReLU window
    after, before = F.max_pool2d(F.hardtanh(features), 2), F.hardtanh(F.max_pool2d(features, 2))
    assert torch.equal(after.view(torch.int32), before.view(torch.int32))
    assert not torch.equal(
        F.max_pool2d(F.relu(features), 2).view(torch.int32), F.relu(F.max_pool2d(features, 2)).view(torch.int32)
    )


def test_float16_avg_pool_and_its_convolution_part_where_the_rounded_weight_overflows():
    """Review 79: "they agree as long as a window's running sum stays finite" missed float16 on the CPU: pooling
    sums in float32 and stays finite, while the convolution's weight 1/n, rounded up in float16, takes n values of
    65504 past float16's largest value (a result of 65520 or more rounds to inf): 1/27 is the first such weight."""
    overflowing = []
    for n in range(2, 160):
        weight = torch.tensor(1 / n, dtype=torch.float16)
        x = torch.full((1, 1, n), 65504.0, dtype=torch.float16)
        pooled, convolved = F.avg_pool1d(x, n), F.conv1d(x, weight.view(1, 1, 1).expand(1, 1, n))
        assert pooled.item() == 65504, n  # its float32 running sum, at most n * 65504, stays finite
        if weight.double().item() * n * 65504 >= 65520:  # the exact sum rounds to inf (a rounded one can too)
            assert torch.isinf(convolved).item(), n
        if torch.isinf(convolved).item():
            overflowing.append(n)
    assert overflowing[0] == 27 and len(overflowing) > 10
    for memory_format in (torch.contiguous_format, torch.channels_last):
        x = torch.full((1, 4, 3, 9), 65504.0, dtype=torch.float16).clone(memory_format=memory_format)
        weight = torch.full((4, 1, 3, 9), 1 / 27, dtype=torch.float16)
        assert (F.avg_pool2d(x, (3, 9)) == 65504).all() and torch.isinf(F.conv2d(x, weight, groups=4)).all()
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert "running sum stays finite" not in en and "逐个累加的和始终不溢出" not in zh
    assert "as long as neither overflows (a finite total is not enough)" in en
    assert (
        "the convolution's weight 1/27, rounded up\nin float16, takes a window of 27 float16 values of 65504 to `inf`"
        in en
    )
    assert "前提是两者都不溢出（只看总和有限还不够）" in zh
    assert "卷积的权重 1/27 在 float16 中向上舍入，CPU 上由 27 个 float16 的 65504 组成的窗口经卷积得到 `inf`" in zh


_AVX2_EXP_ORDERS_CODE = """
import itertools
import torch, torch.nn.functional as F
def steps(a, b):
    return int(((a - b).abs() / (torch.nextafter(a, torch.tensor(2.0)) - a).abs()).max())
g = torch.Generator().manual_seed(0)
most = {"elu": 0, "elu2.5": 0}
for height, width in itertools.product(range(2, 24, 2), repeat=2):
    x = -20 * torch.rand(1, 1, height, width, generator=g)
    for name, act in (("elu", F.elu), ("elu2.5", lambda t: F.elu(t, alpha=2.5))):
        most[name] = max(most[name], steps(F.max_pool2d(act(x), 2), act(F.max_pool2d(x, 2))))
sweep = torch.linspace(-104, 20, 2_000_001)
strided = torch.empty(2 * sweep.numel())
strided[::2] = sweep  # a stride of 2 runs the scalar code on every element
x = torch.full((1, 1, 2, 16), -16.716745)
print(torch.backends.cpu.get_cpu_capability(), most["elu"], most["elu2.5"],
      steps(torch.sigmoid(sweep), torch.sigmoid(strided[::2])),
      steps(F.max_pool2d(torch.sigmoid(x), 2), torch.sigmoid(F.max_pool2d(x, 2))))
"""


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="needs AVX2 code")
def test_exp_based_activation_orders_differ_under_torchs_avx2_code_too():
    # Review r92-1: the page says "on an AVX2 or AVX-512 CPU" the two orders differ by one step (ELU), two (alpha
    # 2.5) and up to four (sigmoid, the 2x16 image); the tests above run only the build machine's own code, which
    # here is AVX-512, so the AVX2 half went untested
    assert run_python(_AVX2_EXP_ORDERS_CODE, ATEN_CPU_CAPABILITY="avx2").split() == ["AVX2", "1", "2", "4", "4"]


_BFLOAT16_ELU_ORDERS_CODE = """
import torch, torch.nn.functional as F
x = torch.full((1, 1, 2, 32), -8.475035429000854e-08, dtype=torch.bfloat16)  # 64 values: SIMD; the 16 pooled: scalar
first, last = F.elu(F.max_pool2d(x, 2), alpha=2.5).float(), F.max_pool2d(F.elu(x, alpha=2.5), 2).float()
float32_step = (torch.nextafter(first, torch.tensor(0.0)) - first).abs()
print(torch.backends.cpu.get_cpu_capability(), int(((first - last).abs() / float32_step).max()),
      int(((first - last).abs() / (torch.nextafter(first.bfloat16(), torch.tensor(0.0, dtype=torch.bfloat16)).float() - first).abs()).max()))
"""


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="needs AVX2 code")
def test_elu_orders_differ_by_float32_steps_only_on_float32_input():
    """Review r120-1: "the two orders can differ by one float32 rounding step (with an alpha such as 2.5, by two ...)"
    named no dtype; on bfloat16 input the SIMD and scalar ELU at alpha 2.5 round -8.475e-08 to neighbouring
    bfloat16 values, so the two orders differ by one bfloat16 step, 65536 float32 steps: "on float32 input"."""
    for out in (
        run_python(_BFLOAT16_ELU_ORDERS_CODE),
        run_python(_BFLOAT16_ELU_ORDERS_CODE, ATEN_CPU_CAPABILITY="avx2"),
    ):
        assert out.split()[1:] == ["65536", "1"], out
    assert_pages_say(
        ("why-no-downsample.md", "so on float32 input the two orders can differ by one rounding step"),
        ("why-no-downsample.zh.md", "所以对 float32 输入，两种顺序的结果可能相差一个舍入单位"),
    )


def test_avg_pool_is_a_convolution_only_on_small_kernels():
    # Review r93-1: "for any kernel" was tested on kernels of 1 to 5 a side; pooling sums a float32 window in float32,
    # and the running sum of ones stops growing at 2**24, so a 4200 x 4200 window of ones averages to about 0.95,
    # where the convolution, which adds in blocks, stays close to 1
    x = torch.ones(1, 1, 4200, 4200)
    pooled = F.avg_pool2d(x, 4200).item()
    convolved = F.conv2d(x, torch.full((1, 1, 4200, 4200), 1 / 4200**2)).item()
    assert pooled < 0.96 and abs(convolved - 1) < 1e-3
    assert F.avg_pool2d(torch.ones(1, 1, 4096, 4096), 4096).item() == 1  # 2**24 ones still add up
    # Review r94-1: "not huge", with 4200 x 4200 as the huge case, is far too generous for float16: past 128 x 128
    # the convolution's weight 1/k**2 is subnormal in float16 and rounds by percents (1/1500**2 to 7 steps of 2**-24
    # instead of 7.45), while pooling adds in float32; 1000 x 1000 is off by over 1% already
    for side, low, high in ((1000, 1.01, 1.02), (1500, 0.93, 0.94)):
        x = torch.ones(1, 1, side, side, dtype=torch.float16)
        assert F.avg_pool2d(x, side).item() == 1
        assert low < F.conv2d(x, torch.full((1, 1, side, side), 1 / side**2, dtype=torch.float16)).item() < high
    en = (ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert "any kernel, stride" not in en and "无论卷积核大小" not in zh
    assert "not huge" not in en and "不是特别大" not in zh
    assert (
        "on small kernels (not on large ones: on the CPU a 1,500 × 1,500 window of float16 ones\nconvolves to under "
        "0.94, where pooling gives 1, and a 4,200 × 4,200 window of float32 ones pools to under 0.96)" in en
    )
    assert (
        "只要卷积核较小（大的卷积核不行：在 CPU 上，1500×1500 个 float16 的 1 经卷积只得到不到 0.94，池化则得到 1；"
        "4200×4200 个 float32 的 1 经池化只得到不到 0.96）" in zh
    )


def test_the_avg_is_a_conv_cells_comment_limits_its_rule_to_small_kernels(ns):
    # Review r95-1: the shown comment stated the rule for every kernel after the prose was narrowed to small ones;
    # the cell's own avg_pool_as_conv misses pooling by over 5% on a float16 window of 1500 x 1500 ones, and on the
    # same count of ones in 1-D, where pooling gives 1
    for shape, k in (((1, 2, 1500, 1500), 1500), ((1, 2, 1500**2), 1500**2)):
        x = torch.ones(shape, dtype=torch.float16)
        pooled = POOL[x.dim() - 2][1](x, k)
        assert torch.equal(pooled, torch.ones_like(pooled))
        assert (ns["avg_pool_as_conv"](x, k, k) - 1).abs().min().item() > 0.05
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "stride and padding, up to float rounding on small kernels while neither overflows. Checked on" in source


def test_the_resample_cells_middle_pixel_comment_speaks_of_the_photo_at_3_5_and_7_only(ns):
    # Review r96-1: the shown comment said that at odd factors bilinear returns the pixel each output point lands on;
    # at 1/49 a float64 row of 49*m pixels with 1e300 beside each middle pixel shows 1e300 in the output, and a
    # contiguous uint8 6x3 map of 5 channels shrunk by 3 does not come out as x[..., 1::3, 1::3]
    for m in (2, 5, 9):
        row = torch.zeros(1, 1, 1, 49 * m, dtype=torch.float64)
        row[..., 1::2] = 1e300  # every middle pixel (index 24 + 49 i) is even, so 0
        assert F.interpolate(row, scale_factor=(1, 1 / 49), mode="bilinear").abs().max().item() > 1e280, m
    x = torch.randint(0, 256, (1, 5, 6, 3), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    assert not torch.equal(F.interpolate(x, scale_factor=1 / 3, mode="bilinear"), x[..., 1::3, 1::3])
    assert ns["middle_slicing"] == {3: True, 5: True, 7: True}
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "# At factors 3, 5 and 7 each output point of the photo lands on a pixel centre: bilinear returns" in source
    assert "# At odd factors each output point lands on a pixel centre" not in source


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="SIMD activation code")
def test_the_relu_commutes_comment_does_not_tie_bit_equality_to_one_code_path(ns):
    # Review r97-1: the shown comment said the two orders agree bit for bit only where the activation is computed the
    # same way for every element; ReLU, LeakyReLU and Hardtanh also run SIMD code on blocks of a contiguous row and
    # scalar code on the rest (or on every element of a strided view), yet both paths give the same bits, and on the
    # example's 20x20 crops their two orders agree bit for bit
    x = 4 * torch.randn(500, 64, generator=torch.Generator().manual_seed(2)) - 1
    for act in (F.relu, F.leaky_relu, lambda t: F.leaky_relu(t, 0.3), F.hardtanh):
        for width in range(1, 64):
            view = x[:, :width]
            strided = torch.empty(2 * view.numel())
            strided[::2] = view.flatten()
            assert torch.equal(act(view.contiguous()), act(strided[::2]).view(view.shape)), (act, width)
    crops = [ns["features"][:1, c : c + 1, :20, :20] for c in range(ns["features"].shape[1])]
    for name in ("ReLU", "LeakyReLU", "Hardtanh"):
        act = ns["activations"][name]
        assert all(torch.equal(F.max_pool2d(act(c), 2), act(F.max_pool2d(c, 2))) for c in crops), name
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "computed the same way for every element" not in source


def test_bilinear_is_average_pooling_at_factor_one_too_so_the_page_names_factors_above_2():
    # Review r97-1: the page said "At other factors bilinear is not average pooling" and the resample cell's comment
    # "at other factors it is not"; at a factor of 1 (scale_factor=1, or size= the input's) bilinear copies the input,
    # which is AvgPool2d(1), bit for bit on the CPU, in every floating-point dtype the page names
    generator = torch.Generator().manual_seed(3)
    for dtype, (h, w) in itertools.product(
        (torch.float16, torch.bfloat16, torch.float32, torch.float64), ((1, 1), (3, 5), (17, 6))
    ):
        x = torch.randn(2, 3, h, w, generator=generator).to(dtype)
        assert torch.equal(F.interpolate(x, scale_factor=1, mode="bilinear"), F.avg_pool2d(x, 1)), (dtype, h, w)
        assert torch.equal(F.interpolate(x, size=(h, w), mode="bilinear"), F.avg_pool2d(x, 1)), (dtype, h, w)
    for k in range(3, 9):
        x = torch.rand(1, 3, 4 * k, 3 * k, generator=generator)
        assert (F.interpolate(x, scale_factor=1 / k, mode="bilinear") - F.avg_pool2d(x, k)).abs().max() > 0.05, k
    assert_pages_say(
        ("why-no-downsample.md", "At whole factors above 2 bilinear is not average pooling:"),
        ("why-no-downsample.zh.md", "整数倍数大于 2 时就不成立了："),
    )
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert (
        "# On this photo interpolate(bilinear) at 0.5 is AvgPool2d(2) up to float rounding; at 1/3 and 1/4 it is not"
        in source
    )
    assert "at other factors it is not" not in source


def test_bilinear_just_above_factor_2_is_average_pooling_so_the_page_names_whole_factors():
    # Review r98-1: the page said "At factors above 2 bilinear is not average pooling"; at 2.0000001 (any factor
    # below 2 + 2^-23) the step 1/scale_factor rounds to 2 in float32, where float16, bfloat16 and float32 compute
    # positions, and on odd sides the output size floor(size / 2.0000001) is AvgPool2d(2)'s: the two agree bit for bit
    generator = torch.Generator().manual_seed(5)
    threads = torch.get_num_threads()
    try:  # the last bits follow the thread count
        torch.set_num_threads(1)
        for dtype, side, factor in itertools.product(
            (torch.float16, torch.bfloat16, torch.float32), (3, 5, 9, 33, 101), (2.0000001, 2 + 2**-24)
        ):
            x = torch.randn(2, 3, side, side + 2, generator=generator).to(dtype)
            out = F.interpolate(x, scale_factor=1 / factor, mode="bilinear")
            assert torch.equal(out, F.avg_pool2d(x, 2)), (dtype, side, factor)
    finally:
        torch.set_num_threads(threads)
    en = " ".join((ROOT / "docs" / "why-no-downsample.md").read_text(encoding="utf-8").split())
    zh = (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")
    assert "At factors above 2 bilinear" not in en and "\n倍数大于 2 时就不成立了" not in zh


def test_four_times_ignores_at_least_12_of_16_and_odd_factor_slicing_needs_align_corners_false():
    # Review 99: the page said bilinear ignores 12 of every 16 pixels at 4x and keeps x[..., k//2::k, k//2::k] at odd
    # factors, naming no align_corners; with align_corners=True a 16x16 map at 4x reads 16 of 256 pixels and 9x9
    # at 3x keeps rows 0, 4, 8. "At least 12 of every 16" holds either way, on sizes that 4 does not divide too;
    # exactly 12 with align_corners=False where it does. Odd-factor slicing is now said for align_corners=False.
    for n in (4, 6, 8, 12, 16, 18, 40):
        for align_corners in (False, True):
            for layout in (torch.contiguous_format, torch.channels_last):
                x = torch.randn(1, 3, n, n, dtype=torch.float64).clone(memory_format=layout).requires_grad_()
                F.interpolate(x, scale_factor=0.25, mode="bilinear", align_corners=align_corners).sum().backward()
                read = (x.grad[0, 0] != 0).sum().item()
                assert read * 4 <= n * n, (n, align_corners, read)
                assert (read * 4 == n * n) == (n % 4 == 0 and not align_corners), (n, align_corners, read)
    # Review r100-1: the page said each output reads "the 2x2 input pixels around each output point". uint8 has no
    # gradient: count the pixels whose change changes the output. On 5 contiguous channels brought to one pixel wide
    # (the CPU's uint8 bug) every output copies the first one's 2x2 pixels, so the page now says "at most 2x2"
    generator = torch.Generator().manual_seed(100)
    for (h, w), align_corners, layout in itertools.product(
        ((8, 8), (12, 12), (16, 4), (10, 6)), (False, True), (torch.contiguous_format, torch.channels_last)
    ):
        x = torch.randint(0, 256, (1, 5, h, w), dtype=torch.uint8, generator=generator).clone(memory_format=layout)
        base = F.interpolate(x, scale_factor=0.25, mode="bilinear", align_corners=align_corners)
        read = set()
        for index in itertools.product(range(5), range(h), range(w)):
            y = x.clone()
            y[(0, *index)] ^= 128
            if not torch.equal(F.interpolate(y, scale_factor=0.25, mode="bilinear", align_corners=align_corners), base):
                read.add(index)
        assert len(read) * 4 <= 5 * h * w, (h, w, align_corners, layout, len(read))
        if (h, w, align_corners, layout) == (16, 4, False, torch.contiguous_format):
            assert read == {(c, i, j) for c in range(5) for i in (1, 2) for j in (1, 2)}
    assert_pages_say(
        ("why-no-downsample.md", "each output\npixel reads at most 2×2 input pixels, so at 4×"),
        ("why-no-downsample.zh.md", "双线性插值的每个输出像素最多只读取 2×2 个输入像素"),
    )
    for k in (3, 5, 9):
        for m in (1, 2, 3):
            x = torch.randn(1, 2, m * k, m * k)
            sliced = x[..., k // 2 :: k, k // 2 :: k]
            assert torch.equal(F.interpolate(x, scale_factor=1 / k, mode="bilinear"), sliced)
            out = F.interpolate(x, scale_factor=1 / k, mode="bilinear", align_corners=True)
            assert not torch.allclose(out, sliced), (k, m)
    for name, text in (
        (
            "why-no-downsample.md",
            "at 4× it ignores at least 12 of every 16.\nWith the default `align_corners=False`, without",
        ),
        (
            "why-no-downsample.zh.md",
            "每 16 个像素里至少有 12 个被忽略。在默认的 `align_corners=False` 下，不设",
        ),
    ):
        assert text in (ROOT / "docs" / name).read_text(encoding="utf-8"), name


def test_the_shown_comments_on_max_and_avg_pooling_say_no_more_than_the_prose(ns):
    # Review r100-1: the max_is_not_linear cell's comment said "Max pooling fails that test ..., so no convolution
    # computes it", the rule the prose narrowed to windows of two or more pixels: MaxPool2d(1) on the cell's own a and
    # b is a 1x1 convolution of weight 1 and passes the test. The avg_is_a_conv comment said "floating-point input"
    # and "up to float rounding on small kernels" with no overflow limit: average pooling refuses complex input, and
    # on two float32 values of 3e38 the cell's avg_pool_as_conv gives 3e38 where pooling gives inf
    a, b = ns["a"], ns["b"]
    weight = torch.ones(1, 1, 1, 1)
    for x in (a, b, a + b, torch.zeros_like(a)):
        assert torch.equal(F.max_pool2d(x, 1), F.conv2d(x, weight))
    assert affine_residual(nn.MaxPool2d(1), a, b).abs().max().item() == 0
    with pytest.raises(NotImplementedError):
        F.avg_pool2d(torch.ones(1, 1, 2, 2, dtype=torch.complex64), 2)
    x = torch.full((1, 1, 2), 3e38)
    assert F.avg_pool1d(x, 2).item() == math.inf
    assert ns["avg_pool_as_conv"](x, 2, 2).item() == pytest.approx(3e38)
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "Max pooling fails that test" not in source
    assert (
        "MaxPool2d(2) fails that test on two 2x2 images, so no\n# convolution computes it; AvgPool2d(2) passes"
        in source
    )
    assert "# Average pooling of float16 to float64 input is a convolution with fixed weights" in source


_ELU_PATHS_CODE = """
import torch, torch.nn.functional as F
xs = -3 * torch.rand(10_000, generator=torch.Generator().manual_seed(0))
simd, scalar = F.elu(xs[:9_984]), torch.cat([F.elu(v.view(1)) for v in xs[:9_984]])
i = (simd != scalar).nonzero()[0, 0]  # a value whose SIMD and scalar ELU differ in the last bit
crop = torch.full((1, 1, 64, 64), xs[i].item())[..., 44:64, 0:20]
row = F.elu(crop)[0, 0]
pooled = F.elu(F.max_pool2d(crop, 2)).flatten()
print(torch.backends.cpu.get_cpu_capability(),
      "".join("s" if row[:, j].eq(scalar[i]).all() else "v" if row[:, j].eq(simd[i]).all() else "?" for j in range(20)),
      "".join("s" if p == scalar[i] else "v" if p == simd[i] else "?" for p in pooled))
features = torch.load(FEATURES)
CROPS
print(elu_gap > 0)
"""


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() != "AVX512", reason="runs the AVX2 and AVX-512 code")
def test_the_elu_crops_show_the_simd_rounding_with_avx2_and_avx_512_not_in_generic_code(ns, tmp_path):
    """Review r127-1: the shown cell demonstrates, on one 20x20 crop per channel, that "on an AVX2 or AVX-512 CPU" the
    SIMD and scalar ELU round differently; with AVX2 it printed "max difference 0.0e+00": on a crop (a view) ELU runs
    the SIMD code on the first 16 values of each row of 20, and the pooled values where the two paths meet were all
    positive. Four crops per channel show the difference with both, and none in generic x86 code."""
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    crops = "\n".join(line for line in source.splitlines() if line.startswith(("crops = ", "elu_gap = ")))
    assert crops.count("\n") == 1 and "for i in (0, 44) for j in (0, 44)]" in crops
    torch.save(ns["features"].cpu(), tmp_path / "features.pt")
    code = _ELU_PATHS_CODE.replace("FEATURES", repr(str(tmp_path / "features.pt"))).replace("CROPS", crops)
    assert run_python(code).split() == ["AVX512", "s" * 20, "v" * 96 + "s" * 4, "True"]
    assert run_python(code, ATEN_CPU_CAPABILITY="avx2").split() == [
        "AVX2",
        "v" * 16 + "s" * 4,
        "v" * 96 + "s" * 4,
        "True",
    ]
    assert ns["elu_gap"] > 0
    generic = code.split("features = ")[0].split("xs = ")[0] + "features = " + code.split("features = ")[1]
    assert run_in_generic_x86_code(generic).split() == ["False"]
    # the old crops, one per channel at the top left, show nothing with AVX2
    old = code.split("features = ")[0] + "features = torch.load(" + repr(str(tmp_path / "features.pt")) + ")\n"
    old += "crops = [features[:1, c : c + 1, :20, :20] for c in range(features.shape[1])]\n" + crops.splitlines()[1]
    old += "\nprint(elu_gap > 0)\n"
    assert run_python(old, ATEN_CPU_CAPABILITY="avx2").split()[-1] == "False"


def test_the_zh_page_calls_only_the_three_other_arguments_defaults_not_scale_factor():
    """Review r127-1: the zh page listed scale_factor=0.5, align_corners=False, antialias=False and
    recompute_scale_factor=None and then said "(都是默认值)", all four defaults; the en page says "With scale_factor=0.5
    and the defaults ...": scale_factor has no default of 0.5 (None), the other three are the defaults."""
    import inspect

    defaults = {name: parameter.default for name, parameter in inspect.signature(F.interpolate).parameters.items()}
    assert defaults["scale_factor"] is None
    assert (defaults["align_corners"], defaults["antialias"], defaults["recompute_scale_factor"]) == (None, False, None)
    x = torch.randn(1, 2, 6, 7, dtype=torch.float64)
    assert torch.equal(
        F.interpolate(x, scale_factor=0.5, mode="bilinear"),
        F.interpolate(
            x, scale_factor=0.5, mode="bilinear", align_corners=False, antialias=False, recompute_scale_factor=None
        ),
    )
    assert_pages_say(
        (
            "why-no-downsample.md",
            "With `scale_factor=0.5` and the defaults `align_corners=False`, `antialias=False` and",
        ),
        (
            "why-no-downsample.zh.md",
            "在 `scale_factor=0.5`，且 `align_corners=False`、`antialias=False` 和 `recompute_scale_factor=None` 都取默认值时，",
        ),
    )
    assert "（都是默认值）" not in (ROOT / "docs" / "why-no-downsample.zh.md").read_text(encoding="utf-8")


_SOFTPLUS_SELU_CELU_ORDERS_CODE = """
import itertools, json
import torch, torch.nn.functional as F
def steps(a, b):
    return int(((a - b).abs() / (torch.nextafter(a, torch.tensor(float("inf"))) - a).abs()).max())
acts = {"softplus": F.softplus, "softplus beta 2": lambda t: F.softplus(t, beta=2),
        "softplus beta 7": lambda t: F.softplus(t, beta=7), "selu": F.selu, "celu": F.celu,
        "celu 0.3": lambda t: F.celu(t, 0.3), "celu 2.5": lambda t: F.celu(t, 2.5), "celu 10": lambda t: F.celu(t, 10.0)}
g = torch.Generator().manual_seed(0)
pooled = dict.fromkeys(acts, 0)
for height, width in itertools.product(range(2, 24, 2), repeat=2):
    x = 25 * torch.rand(1, 1, height, width, generator=g) - 20
    for name, act in acts.items():
        pooled[name] = max(pooled[name], steps(F.max_pool2d(act(x), 2), act(F.max_pool2d(x, 2))))
bits = torch.randint(0, 0x42F00000, (3_000_000,), generator=g, dtype=torch.int32).view(torch.float32)
sweep = torch.cat([-bits, bits[:500_000], torch.linspace(-110, 30, 1_000_001)])
strided = torch.empty(2 * sweep.numel())
strided[::2] = sweep  # a stride of 2 runs the scalar code on every element
alone, image = {}, {}
for name, act in acts.items():
    gap = (act(sweep) - act(strided[::2])).abs() / (torch.nextafter(act(sweep), torch.tensor(float("inf"))) - act(sweep))
    alone[name] = int(gap.max())
    x = torch.full((1, 1, 2, 16), sweep[gap.argmax()].item())  # 32 values: SIMD code; the 8 pooled ones: scalar
    image[name] = steps(F.max_pool2d(act(x), 2), act(F.max_pool2d(x, 2)))
print(json.dumps([torch.backends.cpu.get_cpu_capability(), pooled, alone, image]))
"""


def test_softplus_selu_and_celu_orders_differ_by_up_to_two_steps_with_avx2_and_avx_512_only():
    """Review r127-1: the page's bit-for-bit list named ELU and sigmoid as the non-decreasing activations whose SIMD
    and scalar code round differently; Softplus (exp and log1p), SELU and CELU, all non-decreasing, split the same way,
    and the two orders of max pooling differ by up to two float32 steps with AVX2 and AVX-512 code (none in generic
    x86 code). Review r128-1: "up to two" named no beta; at betas such as 7 (also 0.1 and 30) Softplus's two paths
    differ by three steps, and so do the two orders on a 2x16 image, so the page names that case."""
    expected = {"softplus": 2, "softplus beta 2": 2, "softplus beta 7": 3, "selu": 2, "celu": 1, "celu 0.3": 2}
    expected |= {"celu 2.5": 2, "celu 10": 2}
    runs = {"default": run_in_generic_x86_code(_SOFTPLUS_SELU_CELU_ORDERS_CODE)}
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        runs["avx2"] = run_python(_SOFTPLUS_SELU_CELU_ORDERS_CODE, ATEN_CPU_CAPABILITY="avx2")
        runs["native"] = run_python(_SOFTPLUS_SELU_CELU_ORDERS_CODE)
    for name, out in runs.items():
        capability, pooled, alone, image = json.loads(out)
        if name == "default":
            assert set(pooled.values()) == set(alone.values()) == set(image.values()) == {0}, out
        else:
            assert capability in ("AVX2", "AVX512") and alone == image == expected, out
            assert all(1 <= pooled[act] <= expected[act] for act in expected), out  # random images
    assert_pages_say(
        (
            "why-no-downsample.md",
            "Softplus (computed with `exp` and `log1p`), and SELU and CELU (ELU with other constants), take the same "
            "two paths: on float32 input their two orders can differ by up to two rounding steps (Softplus with a "
            "`beta` such as 7, by three).",
        ),
        (
            "why-no-downsample.zh.md",
            "Softplus（用 `exp` 和 `log1p` 计算）以及 SELU 和 CELU（换了常数的 ELU）也走这两条路径：对 float32 输入，"
            "它们两种顺序的结果最多可能相差两个舍入单位（Softplus 的 `beta` 取 7 这类值时可能相差三个）。",
        ),
    )


def test_the_examples_docstring_says_average_pooling_is_a_convolution_only_on_floating_point_input():
    """Review r127-1: the example's docstring, the first cell of its notebook, said "average pooling keeps the mean
    and is a fixed strided convolution", the rule the page limits to floating-point input and small kernels: on int64
    input the CPU rounds each mean toward zero, [3, 4] pools to 3 where the convolution of weights 1/2 gives 3.5."""

    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    docstring = docstring_of(source)
    assert "average pooling keeps the mean and is a fixed strided convolution" not in docstring
    assert (
        "average pooling keeps the mean and, on floating-point input with small kernels while neither overflows, is a "
        "fixed strided convolution up to rounding" in docstring
    )
    pair = torch.tensor([[[3, 4]]])
    assert F.avg_pool1d(pair, 2).item() == 3
    assert F.conv1d(pair.double(), torch.full((1, 1, 2), 0.5, dtype=torch.float64)).item() == 3.5


def test_the_examples_docstring_limits_average_pooling_as_a_convolution_to_sums_that_do_not_overflow():
    """Review r128-1: the docstring's "on floating-point input with small kernels, is a fixed strided convolution up to
    rounding" left out the page's "as long as neither overflows": pooling adds before it divides, so a float32 pair
    of 3e38 pools to inf where the convolution of weights 1/2 gives 3e38, more than rounding apart (in 1-D, 2-D and
    3-D)."""

    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    docstring = docstring_of(source)
    assert "small kernels while neither overflows, is a fixed strided convolution" in docstring
    for rank, value in itertools.product((1, 2, 3), (3e38, 1.8e38, -2e38)):
        x = torch.full((1, 1) + (2,) * rank, value)
        pooled = (F.avg_pool1d, F.avg_pool2d, F.avg_pool3d)[rank - 1](x, 2)
        conv = (F.conv1d, F.conv2d, F.conv3d)[rank - 1](x, torch.full((1, 1) + (2,) * rank, 0.5**rank))
        assert torch.isinf(pooled).all() and torch.isfinite(conv).all(), (rank, value)


def test_the_windows_where_floating_point_hides_relus_order_under_average_pooling_are_float32_ones():
    """Review r128-1: the four cases where floating point hides ReLU's order under average pooling named float32 only
    in the first; the others (10^-45 and -1, float32's smallest subnormal, the 3x3 window whose sums are a float32
    step apart, 3e38 overflowing) are float32 windows too: in float64 the first four show the difference (10^-45 and
    -1 average to 5e-46 one way and 0 the other) and the last sums to a finite 9e38."""
    tiny = torch.tensor(1.4e-45).item()  # float32's smallest subnormal
    windows = {
        (1.0, -1e-10): 0.5,
        (1e-45, -1.0): 0.0,
        (4 * tiny, -tiny, 0.0, 0.0): tiny,
        (0.5, 0.3, 0.2, 1.9, 1.4, 1.7, 1.8, 1.5, -(2.0**-20)): 1.0333333,
        (3e38, 3e38, 3e38, -1.0): math.inf,
    }
    for dtype, (values, mean) in itertools.product((torch.float32, torch.float64), windows.items()):
        x = torch.tensor(values, dtype=dtype).view(1, 1, -1)
        relu_first, pool_first = F.avg_pool1d(F.relu(x), len(values)), F.relu(F.avg_pool1d(x, len(values)))
        if dtype == torch.float32:
            assert torch.equal(relu_first, pool_first) and f"{relu_first.item():.8g}" == f"{mean:.8g}", values
        elif math.isinf(mean):
            assert torch.equal(relu_first, pool_first) and math.isfinite(relu_first.item()), values
        else:
            assert not torch.equal(relu_first, pool_first), values
    x = torch.tensor([[[1e-45, -1.0]]], dtype=torch.float64)
    assert F.avg_pool1d(F.relu(x), 2).item() == 5e-46 and F.relu(F.avg_pool1d(x, 2)).item() == 0
    assert_pages_say(
        (
            "why-no-downsample.md",
            "unless floating point hides the difference, as it does in these float32 windows (in float64, 10⁻⁴⁵ and −1 "
            "average to 5 × 10⁻⁴⁶ one way and 0 the other): - the window's negative values are too small to change "
            "its sum: 1 and −10⁻¹⁰ average to 0.5 either way;",
        ),
        (
            "why-no-downsample.zh.md",
            "除非浮点运算把差别掩盖了，下面这些 float32 窗口就是如此（换成 float64，10⁻⁴⁵ 和 −1 一种顺序平均得 5 × 10⁻⁴⁶，"
            "另一种得 0）：",
        ),
    )


def test_four_values_of_1e38_overflow_average_pooling_in_float32_not_float64():
    """Review r128-1: "pooling adds before it divides, so four values of 1e38 give inf there and 1e38 here" sat in a
    list about float16 to float64 input and named no dtype; the float32 sum overflows (bfloat16 pools through a
    float32 sum too), but in float64 the sum 4e38 is finite and both give 1e38 (float16 cannot hold 1e38)."""
    for dtype, memory_format in itertools.product(
        (torch.bfloat16, torch.float32, torch.float64), (torch.contiguous_format, torch.channels_last)
    ):
        x = torch.full((1, 3, 4, 6), 1e38, dtype=dtype).contiguous(memory_format=memory_format)
        pooled, bilinear = F.avg_pool2d(x, 2), F.interpolate(x, scale_factor=0.5, mode="bilinear")
        assert torch.isfinite(bilinear).all() and torch.allclose(bilinear.double(), x[..., ::2, ::2].double())
        assert torch.isinf(pooled).all().item() is (dtype != torch.float64), (dtype, memory_format)
    assert torch.isinf(torch.tensor(1e38).half())
    assert_pages_say(
        (
            "why-no-downsample.md",
            "pooling adds before it divides, so four float32 values of 1e38 give `inf` there and 1e38 here (in float64 "
            "both give 1e38);",
        ),
        (
            "why-no-downsample.zh.md",
            "四个 float32 的 1e38 在池化里得到 `inf`，在双线性插值里仍是 1e38（float64 中两者都是 1e38）；",
        ),
    )


def test_two_images_of_3e38_overflow_the_affine_test_in_float32_not_float64():
    """Review r128-1: "as long as nothing overflows: for two images of 3e38, a + b is already inf" named no dtype;
    in float64 the sum 6e38 is finite and the convolution's affine residual of the two images is 0."""
    weight = torch.full((1, 1, 2, 2), 0.25, dtype=torch.float64)
    for dtype in (torch.bfloat16, torch.float32, torch.float64):
        a = torch.full((1, 1, 2, 2), 3e38, dtype=dtype)
        assert torch.isinf(a + a).all().item() is (dtype != torch.float64), dtype
    a = torch.full((1, 1, 2, 2), 3e38, dtype=torch.float64)
    zero = torch.zeros_like(a)
    assert (F.conv2d(a + a, weight) - 2 * F.conv2d(a, weight) + F.conv2d(zero, weight)).item() == 0
    assert_pages_say(
        (
            "why-no-downsample.md",
            "as long as nothing overflows: for two float32 images of 3e38, `a + b` is already `inf`;",
        ),
        ("why-no-downsample.zh.md", "两张值为 3e38 的 float32 图像，`a + b` 就已经是 `inf`"),
    )


def test_the_examples_docstring_names_the_options_that_end_average_pooling_as_a_convolution(ns):
    """Review r129-1: the docstring (the notebook's first cell) said average pooling "on floating-point input with small
    kernels while neither overflows, is a fixed strided convolution up to rounding", while the script itself prints
    0.33 and 0.28 for count_include_pad=False and ceil_mode=True: both change the divisor at the border, and the
    convolution misses by far more than rounding in 1-D, 2-D and 3-D, in every floating-point dtype pooling takes."""

    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    docstring = docstring_of(source)
    assert (
        "is a fixed strided convolution up to rounding (unless ``count_include_pad=False`` or ``ceil_mode=True`` "
        "changes its divisor at the border)" in docstring
    )
    generator = torch.Generator().manual_seed(129)
    for rank, size, dtype in itertools.product(
        (1, 2, 3), (4, 5, 7), (torch.float16, torch.bfloat16, torch.float32, torch.float64)
    ):
        if rank == 3 and dtype in (torch.float16, torch.bfloat16):
            continue  # the CPU's 3-D average pooling refuses them (the page says so)
        x = (torch.rand((1, 2) + (size,) * rank, generator=generator, dtype=torch.float64) + 0.5).to(dtype)
        pool, conv = POOL[rank][1], POOL[rank][2]
        weight = torch.full((2, 1) + (2,) * rank, 0.5**rank, dtype=dtype)
        options = [(dict(padding=1, count_include_pad=False), x, 1)]
        if size % 2:  # ceil_mode adds a window that overhangs by one pixel: the convolution pads it with a zero
            options.append((dict(ceil_mode=True), F.pad(x, (0, 1) * rank), 0))
        for option, conv_input, padding in options:
            pooled = pool(x, 2, 2, **option)
            convolved = conv(conv_input, weight, stride=2, padding=padding, groups=2)
            assert pooled.shape == convolved.shape, (rank, size, dtype, option)
            assert (pooled.double() - convolved.double()).abs().max() > 0.1, (rank, size, dtype, option)
    printed = [
        float(line.rsplit("= ", 1)[1])
        for line in printed_by("why_no_downsample.py").splitlines()
        if line.startswith("5x5 input, kernel 2,")
    ]
    assert len(printed) == 2 and min(printed) > 0.1


def test_a_strided_convolution_with_averaging_weights_reproduces_avg_pool_only_without_a_bias(ns):
    """Review r129-1: "With averaging weights it reproduces AvgPool2d" named no bias; nn.Conv2d (and Conv1d, Conv3d)
    has one unless bias=False, initialised at random, and with averaging weights and that bias the output is the block
    mean shifted per channel. The example's averaging convolution has bias=False (36 parameters, the random one 39)."""
    assert_pages_say(
        (
            "why-no-downsample.md",
            "With averaging weights and no bias it reproduces `AvgPool2d` (`nn.Conv2d` has a bias unless `bias=False`);",
        ),
        (
            "why-no-downsample.zh.md",
            "用取平均的权重且不带偏置时，它与 `AvgPool2d` 的结果一致（`nn.Conv2d` 默认带偏置，除非设 `bias=False`）；",
        ),
    )
    assert ns["conv_average"].bias is None and ns["conv_random"].bias is not None
    generator = torch.Generator().manual_seed(129)
    for rank, channels, seed in itertools.product((1, 2, 3), (1, 3, 8), range(3)):
        torch.manual_seed(seed)
        conv = (nn.Conv1d, nn.Conv2d, nn.Conv3d)[rank - 1](channels, channels, 2, stride=2)
        x = torch.rand((2, channels) + (6,) * rank, generator=generator)
        with torch.no_grad():
            conv.weight.zero_()
            for c in range(channels):
                conv.weight[c, c] = 0.5**rank
            pooled = POOL[rank][1](x, 2)
            shifted = conv(x) - pooled  # the bias, channel by channel
            torch.testing.assert_close(shifted, conv.bias.view(1, channels, *(1,) * rank).expand_as(shifted))
            assert shifted.abs().max() > 0
            conv.bias.zero_()
            torch.testing.assert_close(conv(x), pooled)


def test_the_downsampling_section_shows_even_factors_on_sizes_they_divide_with_align_corners_false():
    # Review r134-1: the page said "The [downsampling section](aliasing.md) shows what these differences do to fine
    # detail" right after naming odd sizes given size= or recompute_scale_factor=True and align_corners=True; the
    # aliasing page shrinks 256- and 128-pixel inputs by 2, 4 and 8 with align_corners=False, so it shows none of them
    source = (ROOT / "examples" / "aliasing.py").read_text(encoding="utf-8")
    settings = (ROOT / "examples" / "_settings.py").read_text(encoding="utf-8")
    assert "align_corners=True" not in source and "align_corners=True" not in settings
    assert "recompute_scale_factor" not in source and " size=" not in source
    tree = ast.parse(source)
    assigned = {
        target.id: node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    factors = ast.literal_eval(assigned["factors"])
    assert factors == (2, 4, 8)
    sides = [ast.literal_eval(assigned["size"]), 128, 256]  # zone plate; stripes and checkerboard; clean-fid circle
    assert "torch.arange(128.0" in source and "side, shrink = 256, 8" in source
    assert all(side % k == 0 for side in sides for k in factors)
    assert_pages_say(
        (
            "why-no-downsample.md",
            "[Aliasing, seen](aliasing.md) shows what slicing, pooling and `F.interpolate` do to fine detail "
            "at 2×, 4× and 8×, on sizes those factors divide and with `align_corners=False`;",
        ),
        (
            "why-no-downsample.zh.md",
            "[混叠可视化](aliasing.md)一页展示了切片、池化和 `F.interpolate` 在缩小 2 倍、4 倍和 8 倍时对细节的影响，"
            "用的尺寸都能被这些倍数整除，且 `align_corners=False`；",
        ),
    )
    for page in ("why-no-downsample.md", "why-no-downsample.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert "shows what these differences do" not in text and "展示了这些差异对细节的影响" not in text


def test_the_relu_commutes_comment_names_float64_softplus_beside_the_sign_of_a_zero_and_rounding(ns):
    # Review r134-1: the relu_commutes cell's comment said max pooling and every non-decreasing activation "give the
    # same numbers, up to float rounding", after round 133 added to the page the sign of a zero (ReLU on -1 then -0.0)
    # and float64 Softplus, which returns x past its threshold: there the two orders of (20.0, 20.000000000000004)
    # differ by 2e-9, over half a million float64 steps, not by rounding
    window = torch.tensor([[[20.0, 20.000000000000004]]], dtype=torch.float64)
    after, before = F.max_pool1d(F.softplus(window), 2).item(), F.softplus(F.max_pool1d(window, 2)).item()
    assert (after - before) / math.ulp(before) > 500_000
    zeros = torch.tensor([[[-1.0, -0.0]]])
    assert math.copysign(1, F.max_pool1d(F.relu(zeros), 2).item()) != math.copysign(
        1, F.relu(F.max_pool1d(zeros, 2)).item()
    )
    source = " ".join(
        (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8").replace("#", " ").split()
    )
    assert "give the same numbers, up to float rounding" not in source
    assert (
        "before it\" give the same numbers, up to the sign of a zero and float rounding (ELU's, below), except where "
        "float64 Softplus switches to x past its threshold" in source
    )
    assert_pages_say(("why-no-downsample.md", "Softplus returns x itself once `beta` × x exceeds its `threshold`"))


def test_the_avg_is_a_conv_cell_shows_the_equality_and_two_options_not_divisor_override(ns):
    # Review r134-1: the paragraph ended "A third, divisor_override=d ..., divides by d everywhere, so it stays a
    # convolution, with weights 1/d:" and then embedded the avg_is_a_conv cell, which never passes divisor_override:
    # it checks the equality in four cases (the photo twice, 1-D, 3-D) and count_include_pad=False and ceil_mode=True on a 5x5 input; the test
    # above (test_divisor_override_keeps_avg_pool_a_convolution_with_weights_one_over_d) checks divisor_override
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    cell = source.split("# %% avg_is_a_conv")[1].split("# %%")[0]
    code = "\n".join(line.split("#")[0] for line in cell.splitlines())  # its comment names the option's weights
    assert "divisor_override" not in code
    assert len(ns["cases"]) == 4
    printed = printed_by("why_no_downsample.py").splitlines()
    assert sum(line.startswith("input (") and "max |avg_pool - conv|" in line for line in printed) == 4
    options = [line for line in printed if line.startswith("5x5 input, kernel 2,")]
    assert len(options) == 2 and "count_include_pad=False" in options[0] and "ceil_mode=True" in options[1]
    assert callable(globals()["test_divisor_override_keeps_avg_pool_a_convolution_with_weights_one_over_d"])
    assert_pages_say(
        (
            "why-no-downsample.md",
            "so it stays a convolution, with weights 1/*d* (the test of this page checks that; the cell below checks "
            "the equality in four cases and the first two options on a 5×5 input):",
        ),
        (
            "why-no-downsample.zh.md",
            "所以它仍然是卷积，只是权重变成 1/*d*（这一点由本页的测试检验；下面的代码在四组情况下检验上述等价关系，"
            "并在一个 5×5 输入上检验前两个选项）：",
        ),
    )


def test_the_examples_docstring_says_max_pooling_is_not_linear_once_a_window_holds_two_input_pixels():
    # Review r134-1: the docstring (the notebook's first cell) said max pooling "is not linear once a window holds two
    # pixels", without the page's "input": kernel_size=2, stride=2, padding=1 on 2x2 input gives windows of four
    # pixels, three of them padding, and there max pooling is the identity, affine residual 0 for the page's a and b
    a = torch.tensor([[[[1.0, 0.0], [0.0, 0.0]]]])
    b = torch.tensor([[[[0.0, 0.0], [0.0, 1.0]]]])

    def f(v):
        return F.max_pool2d(v, 2, stride=2, padding=1)

    assert f(a).shape == a.shape and torch.equal(f(a), a)
    assert (f(a + b) - f(a) - f(b) + f(torch.zeros_like(a))).abs().max().item() == 0
    assert (F.max_pool2d(a + b, 2) - F.max_pool2d(a, 2) - F.max_pool2d(b, 2)).item() == -1
    docstring = docstring_of((ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8"))
    assert "max pooling keeps peaks (and is not linear once a window holds two input pixels)" in docstring
    assert "holds two pixels" not in docstring
    assert_pages_say(("why-no-downsample.md", "once a window holds two or more input pixels"))


def test_the_downsampling_section_names_the_last_differences_in_its_prose_without_showing_them():
    # Review r135-1: round 134 ended the sentence "(so not these last differences)", but the aliasing page's list of
    # results names all three where it says when bilinear equals AvgPool2d at 2x: align_corners=True (4 pixels to 2
    # keep pixels 0 and 3) and, on an odd size, recompute_scale_factor=True and size=, which step by n/floor(n/2);
    # its cells use none of them (the test above)
    x = torch.arange(4.0).view(1, 1, 1, 4)
    assert F.interpolate(x, size=(1, 2), mode="bilinear", align_corners=True).flatten().tolist() == [0.0, 3.0]
    row = torch.rand(1, 1, 1, 7, dtype=torch.float64)
    pooled = F.avg_pool2d(row, (1, 2))
    by_half = F.interpolate(row, scale_factor=(1, 0.5), mode="bilinear")
    torch.testing.assert_close(by_half, pooled)
    for kwargs in (dict(size=(1, 3)), dict(scale_factor=(1, 0.5), recompute_scale_factor=True)):
        assert not torch.allclose(F.interpolate(row, mode="bilinear", **kwargs), pooled)
    for page, words in (
        (
            "aliasing.md",
            (
                "with `True`, 4 pixels to 2 sample pixels 0 and 3",
                "`recompute_scale_factor=True`, which, like `size=`, steps by *n*/⌊*n*/2⌋: 7/3 on 7 pixels",
            ),
        ),
        (
            "aliasing.zh.md",
            (
                "设为 `True` 时，4 个像素缩到 2 个取的是像素 0 和像素 3",
                "和用 `size=` 一样，按 *n*/⌊*n*/2⌋ 步进，7 个像素时是 7/3",
            ),
        ),
    ):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert all(word in text for word in words), page
    assert_pages_say(
        (
            "why-no-downsample.md",
            "with `align_corners=False`; these last differences it only names, where it says when bilinear equals "
            "`AvgPool2d` at 2×.",
        ),
        (
            "why-no-downsample.zh.md",
            "且 `align_corners=False`；上面最后说的这几种差异，那一页只在说明双线性插值何时在 2 倍时等于 `AvgPool2d` "
            "的地方提到，没有展示。",
        ),
    )
    for page in ("why-no-downsample.md", "why-no-downsample.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert "so not these last differences" not in text and "所以不包括上面最后说的这几种差异" not in text


def test_the_link_for_cudas_antialias_limits_lands_on_a_page_that_covers_bilinear_only():
    # Review r135-1: the table's row ended "bilinear ... below 100x in float32 and below 50x in float64, bicubic at
    # about half those factors, see [what an nn.Downsample would be](downsample-module.md)", but that page (en, zh,
    # and its example) gives the bilinear limits and never names bicubic; bicubic's half is this page's own claim,
    # bound by test_cuda_antialias_refuses_large_factors_bilinear_below_100_bicubic_sooner
    for page in ("downsample-module.md", "downsample-module.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "bicubic" not in text.lower() and "双三次" not in text, page
    assert "bicubic" not in (ROOT / "examples" / "downsample_module.py").read_text(encoding="utf-8").lower()
    module_en = " ".join((ROOT / "docs" / "downsample-module.md").read_text(encoding="utf-8").split())
    assert "stops below a factor of 100 in float32 and below 50 in float64" in module_en
    assert callable(globals()["test_cuda_antialias_refuses_large_factors_bilinear_below_100_bicubic_sooner"])
    assert_pages_say(
        (
            "why-no-downsample.md",
            "bilinear on both axes stops below 100× in float32 and below 50× in float64 (see [what an nn.Downsample "
            "would be](downsample-module.md#factors-up-to-100), which covers bilinear only), bicubic, whose filter is twice as wide, at "
            "about half those factors)",
        ),
        (
            "why-no-downsample.zh.md",
            "float32 不到 100 倍、float64 不到 50 倍就放不下了（见[如果真有 nn.Downsample](downsample-module.md#倍数一直到-100)，"
            "那一页只讲双线性插值），双三次插值的滤波器宽一倍，在大约一半的倍数上就放不下了）",
        ),
    )
    for page in ("why-no-downsample.md", "why-no-downsample.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert "about half those factors, see [" not in text and "倍数上就放不下了，见[" not in text


def test_the_link_to_the_aliasing_page_names_that_page_not_the_downsampling_section_of_the_nav():
    # Review r136-1: the sentence called aliasing.md "the [downsampling section]" ("[下采样一节]"), and said that
    # "it" shrinks by 2, 4 and 8 on sizes those factors divide with align_corners=False and only names the last
    # differences; but the site's nav has a section named Downsampling (下采样) of five pages, and one of them,
    # What an nn.Downsample would be, shrinks 15 pixels by 2 in a cell, F.interpolate given size=7 among them.
    # The claims hold for the one page the link lands on, so the link now names it by its nav title
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    section = nav.split("  - Downsampling:\n", 1)[1].split("\n  - ", 1)[0]
    pages = [line.rsplit(": ", 1)[1] for line in section.splitlines() if line.strip().startswith("- ")]
    assert pages[0] == "aliasing.md" and len(pages) > 1 and "downsample-module.md" in pages
    assert "      - Aliasing, seen: aliasing.md\n" in nav and "            Aliasing, seen: 混叠可视化\n" in nav
    assert "            Downsampling: 下采样\n" in nav
    module = (ROOT / "examples" / "downsample_module.py").read_text(encoding="utf-8")
    assert (
        "15 pixels at factor 2" in module
        and '"F.interpolate(size=7, antialias=True)": drift(positions(Resize(7), 15))' in module
    )
    assert_pages_say(
        ("downsample-module.md", "::: example downsample_module.py#phase_odd"),
        ("downsample-module.zh.md", "::: example downsample_module.py#phase_odd"),
        (
            "why-no-downsample.md",
            "any size. [Aliasing, seen](aliasing.md) shows what slicing, pooling and `F.interpolate` do to fine detail",
        ),
        (
            "why-no-downsample.zh.md",
            "设置 `align_corners=True` 时，无论尺寸如何也都不相等。[混叠可视化](aliasing.md)一页展示了",
        ),
    )
    for page in ("why-no-downsample.md", "why-no-downsample.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "[downsampling section]" not in text and "[下采样一节]" not in text, page


def test_the_relu_commutes_comment_names_tanhshrink_whose_orders_differ_far_beyond_elus_rounding(ns):
    # Review r136-1: the shown comment said max pooling and every non-decreasing activation give the same numbers "up
    # to the sign of a zero and float rounding (ELU's, below), except where float64 Softplus switches to x past its
    # threshold (the page lists these", but the page also lists Tanhshrink, non-decreasing on the reals, whose two
    # orders of the float32 window (-0.10057313, -0.100573123) are 256 steps apart, where ELU's differ by at most 2
    window = torch.tensor([[[-0.10057313, -0.100573123]]])
    after, before = F.max_pool1d(F.tanhshrink(window), 2), F.tanhshrink(F.max_pool1d(window, 2))
    tanhshrink_steps = (after.view(torch.int32) - before.view(torch.int32)).abs().item()
    generator = torch.Generator().manual_seed(3)
    elu_steps = 0
    for alpha in (1.0, 2.5):
        x = -3 * torch.rand(1, 8, 64, 64, generator=generator)
        for i, j in itertools.product((0, 44), (0, 44)):
            crop = x[..., i : i + 20, j : j + 20]
            a, b = F.max_pool2d(F.elu(crop, alpha), 2), F.elu(F.max_pool2d(crop, 2), alpha)
            elu_steps = max(elu_steps, (a.view(torch.int32) - b.view(torch.int32)).abs().max().item())
    assert elu_steps <= 2 and tanhshrink_steps == 256 > 100 * max(elu_steps, 1)
    source = " ".join(
        (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8").replace("#", " ").split()
    )
    assert (
        "except where float64 Softplus switches to x past its threshold and where Tanhshrink's tanh(x) cancels most "
        "of x (the page lists these; pooling first runs the activation on a quarter of the values here)." in source
    )
    assert "threshold (the page lists these;" not in source
    assert_pages_say(
        ("why-no-downsample.md", "by far more than a rounding step where tanh(x) cancels most of x"),
        ("why-no-downsample.zh.md", "在 tanh(x) 抵消掉 x 的大部分时，差距远不止一个舍入单位"),
    )


_ONE_PIXEL_WINDOWS_SIGN_OF_ZERO_CODE = """
import torch, torch.nn.functional as F
POOL = {1: (F.max_pool1d, F.conv1d), 2: (F.max_pool2d, F.conv2d), 3: (F.max_pool3d, F.conv3d)}
seen = set()
for threads in (1, 4):
    torch.set_num_threads(threads)
    for dtype in (torch.float16, torch.bfloat16, torch.float32, torch.float64):
        for rank, (max_pool, conv) in POOL.items():
            for k, stride, padding, side in ((1, 1, 0, 5), (1, 2, 0, 5), (2, 2, 1, 2)):
                x = torch.randn((2, 3) + (side,) * rank, generator=torch.Generator().manual_seed(side)).to(dtype)
                x.view(-1)[::2] = -0.0
                layouts = [x] + ([x.contiguous(memory_format=torch.channels_last)] if rank == 2 else [])
                for v in layouts:
                    pooled = max_pool(v, k, stride=stride, padding=padding)
                    convolved = conv(v, torch.ones((3, 1) + (k,) * rank, dtype=dtype), stride=stride, padding=padding, groups=3)
                    assert torch.equal(pooled, convolved), (dtype, rank, k)
                    negative_zeros = lambda t: int((torch.signbit(t) & (t == 0)).sum())
                    seen.add((negative_zeros(pooled) > 0, negative_zeros(convolved)))
print(sorted(seen))
"""


def test_max_pooling_of_one_pixel_windows_is_a_convolution_of_weight_1_only_up_to_the_sign_of_a_zero():
    # Review r136-1: the page said that where every window holds a single input pixel (kernel_size=1, or
    # kernel_size=2, stride=2, padding=1 on 2 pixels per axis) "max pooling slices like a convolution of weight 1";
    # slicing keeps -0.0, and on the CPU that convolution turns it into +0.0, in every floating dtype, rank and
    # layout, in torch's AVX2/AVX-512 and generic code, on one thread and on several (torch.equal counts -0.0 == 0)
    for env in ({}, {"ATEN_CPU_CAPABILITY": "default"}):
        assert run_python(_ONE_PIXEL_WINDOWS_SIGN_OF_ZERO_CODE, **env).strip() == "[(True, 0)]", env
    assert_pages_say(
        (
            "why-no-downsample.md",
            "and max pooling slices like a convolution of weight 1, up to the sign of a zero: on the CPU the "
            "convolution turns −0.0 into +0.0).",
        ),
        (
            "why-no-downsample.zh.md",
            "最大池化就像权重为 1 的卷积一样只做切片，只是零的符号可能不同：在 CPU 上，卷积会把 −0.0 变成 +0.0）。",
        ),
    )


def test_the_printed_factors_are_the_only_ones_up_to_100_short_on_any_multiple_up_to_2_to_the_24(ns):
    # Review r136-1: "On sizes that divide by k, both are slicing, except at the few factors printed below", for
    # sides up to 2^24, was checked on outputs of 1 to 40 pixels (test_at_the_listed_factors_only_the_size_is_short_
    # and_only_for_some_sizes); the printed list itself only on 2k. The output size is floor(size * (1/k)) in double
    # precision: every multiple of every k <= 100 up to 2^24 pixels, and torch's own size on a sample of them
    short = {}
    for k in range(2, 101):
        m = np.arange(1, 2**24 // k + 1, dtype=np.int64)
        lost = np.floor((m * k).astype(np.float64) * (1 / k)) < m
        if lost.any():
            short[k] = m[lost]
    assert sorted(short) == ns["odd"]
    rng = random.Random(136)
    for k in range(2, 101):
        ms = [rng.randint(1, 2**24 // k) for _ in range(8)] + [2**24 // k]
        ms += short[k][:10].tolist() + short[k][-10:].tolist() if k in short else []
        for m in ms:
            try:  # an empty batch: torch computes the size and resamples nothing
                n = F.interpolate(torch.empty(0, 1, m * k), scale_factor=1 / k, mode="nearest").shape[-1]
            except RuntimeError:  # an output of 0 pixels
                n = 0
            assert n == (m - 1 if k in short and m in short[k] else m), (k, m, n)
    assert_pages_say(
        ("why-no-downsample.md", "On sizes that divide by *k*, both are slicing, except at the few factors printed"),
        ("why-no-downsample.md", "All of this holds for sides up to 2^24 = 16,777,216 pixels"),
        ("why-no-downsample.zh.md", "尺寸能被 *k* 整除时，两者都等于切片，只有下面打印出来的少数几个倍数例外"),
    )


def test_antialiased_bilinear_at_one_half_weighs_1_3_3_1_eighths_away_from_the_border_on_odd_sides_too():
    # Review r136-1: the page's bullet "with antialias=True, away from the border, it weighs 4 pixels per axis by 1/8,
    # 3/8, 3/8, 1/8" stands under "for even and odd sizes of floating-point input"; its test
    # (test_bilinear_half_equals_avg_pool_only_without_antialias) swept even float64 squares only. Odd and even
    # sides, unequal ones, float32 and float64, contiguous and channels_last, scale_factor=0.5
    generator = torch.Generator().manual_seed(136)
    taps = torch.tensor([1, 3, 3, 1], dtype=torch.float64) / 8
    for h, w in itertools.product((5, 6, 9, 12, 17), (7, 8, 11, 21)):
        for dtype, layout in itertools.product(
            (torch.float32, torch.float64), (torch.contiguous_format, torch.channels_last)
        ):
            x = torch.rand(2, 3, h, w, generator=generator, dtype=torch.float64)
            smooth = F.interpolate(
                x.to(dtype).contiguous(memory_format=layout), scale_factor=0.5, mode="bilinear", antialias=True
            )
            assert smooth.shape[-2:] == (h // 2, w // 2)
            kernel = (taps[:, None] * taps[None, :]).expand(3, 1, 4, 4)
            inner = F.conv2d(x, kernel, stride=2, padding=1, groups=3)[..., 1 : h // 2 - 1, 1 : w // 2 - 1]
            atol = 1e-12 if dtype == torch.float64 else 1e-6
            torch.testing.assert_close(smooth[..., 1:-1, 1:-1].double(), inner, rtol=0, atol=atol)
    assert_pages_say(
        ("why-no-downsample.md", "for even and odd sizes of floating-point input"),
        (
            "why-no-downsample.md",
            "with `antialias=True`, away from the border, it weighs 4 pixels per axis by 1/8, 3/8, 3/8, 1/8.",
        ),
        (
            "why-no-downsample.zh.md",
            "若设 `antialias=True`，在远离边界处，每个轴读 4 个像素，权重为 1/8、3/8、3/8、1/8。",
        ),
    )


_FLOAT64_EXP_ORDERS_CODE = """
import json, torch, torch.nn.functional as F
acts = {"elu": F.elu, "sigmoid": torch.sigmoid, "softplus": F.softplus, "selu": F.selu, "celu": F.celu}
g = torch.Generator().manual_seed(0)
features = 3 * torch.randn(1, 8, 64, 64, dtype=torch.float64, generator=g)
crops = [features[:1, c : c + 1, i : i + 20, j : j + 20] for c in range(8) for i in (0, 44) for j in (0, 44)]
differ = {}
for name, act in acts.items():
    differ[name] = sum(int((F.max_pool2d(act(x), 2) != act(F.max_pool2d(x, 2))).sum()) for x in [features] + crops)
x = torch.full((1, 1, 2, 14), -0.22887413288613145, dtype=torch.float64)
orders = sorted({repr(F.max_pool2d(F.elu(x), 2)[0, 0, 0, 0].item()), repr(F.elu(F.max_pool2d(x, 2))[0, 0, 0, 0].item())})
print(json.dumps([torch.backends.cpu.get_cpu_capability(), differ, orders]))
"""


def test_exp_based_activation_orders_differ_on_float64_input_too_with_avx2_and_avx_512():
    """Review r137-1: the bit-for-bit list said that ELU, sigmoid, Softplus, SELU and CELU, whose SIMD and scalar code
    round differently, give two orders that differ "on float32 input", and named float64 only for Softplus past its
    threshold; but their float64 SIMD and scalar code round differently too: with AVX2 and AVX-512 code all five
    differ in the last bits on float64 feature maps and crops (none in generic x86 code), and a float64 2x14 image of
    -0.22887413288613145 gives -0.2045713544875439 after ELU one way and -0.20457135448754388 the other."""
    runs = {"default": run_in_generic_x86_code(_FLOAT64_EXP_ORDERS_CODE)}
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        runs["avx2"] = run_python(_FLOAT64_EXP_ORDERS_CODE, ATEN_CPU_CAPABILITY="avx2")
        runs["native"] = run_python(_FLOAT64_EXP_ORDERS_CODE)
    for name, out in runs.items():
        capability, differ, orders = json.loads(out)
        if name == "default":
            assert set(differ.values()) == {0} and orders == ["-0.20457135448754388"], out
        else:
            assert capability in ("AVX2", "AVX512") and min(differ.values()) > 0, out
            assert orders == ["-0.20457135448754388", "-0.2045713544875439"], out
    assert_pages_say(
        (
            "why-no-downsample.md",
            "On float64 input the two paths round differently too, so the two orders of all five can differ in the "
            "last bits there as well: a float64 2×14 image of −0.22887413288613145 gives −0.2045713544875439 after "
            "ELU one way and −0.20457135448754388 the other in its\n  first output pixel",
        ),
        (
            "why-no-downsample.zh.md",
            "对 float64 输入，这两条路径的舍入同样可能不同，所以这五个激活函数的两种顺序在 float64 下也可能在最后几位上不同："
            "一张全为 −0.22887413288613145 的 float64 2×14 图像，经 ELU 后，第一个输出像素一种顺序得到 −0.2045713544875439，"
            "另一种得到 −0.20457135448754388",
        ),
    )


_TANHSHRINK_DTYPES_CODE = """
import json, torch, torch.nn.functional as F
lost = {}
for dtype in (torch.float16, torch.bfloat16):  # every finite value, in order, alone (scalar code) and in a row
    v = torch.arange(-32768, 32768, dtype=torch.int32).to(torch.int16).view(dtype)
    v = torch.unique(v[torch.isfinite(v)].float()).to(dtype)
    strided = torch.empty(2 * len(v), dtype=dtype)[::2]
    strided.copy_(v)
    lost[str(dtype)] = [int((y[1:].float() < y[:-1].float()).sum()) for y in (F.tanhshrink(v), F.tanhshrink(strided))]
windows = {}
for dtype, pair in ((torch.float64, [0.10000000000023855, 0.10000000000023856]),
                    (torch.float16, [-0.0626220703125, -0.06256103515625])):
    low, high = torch.tensor(pair, dtype=dtype)
    assert low < high
    for rank, pool in ((1, F.max_pool1d), (2, F.max_pool2d), (3, F.max_pool3d)):
        x = torch.tensor(pair, dtype=dtype).view((1, 1) + (1,) * (rank - 1) + (2,))
        size = (1,) * (rank - 1) + (2,)
        got = (repr(pool(F.tanhshrink(x), size).item()), repr(F.tanhshrink(pool(x, size)).item()))
        windows.setdefault(str(dtype), set()).add(got)
print(json.dumps([lost, {k: sorted(v) for k, v in windows.items()}]))
"""


@pytest.mark.parametrize("capability", ["default", "avx2", None])
def test_tanhshrink_loses_the_order_of_float16_and_float64_values_too_not_of_bfloat16_ones(capability):
    """Review r137-1: the page said Tanhshrink "does not keep the order of every two float32 values", naming no other
    dtype (where LogSigmoid's line names float32 and float64), so float16 and float64 read as keeping it; but the
    float64 window (0.10000000000023855, 0.10000000000023856) gives 0.0003320053750465596 after Tanhshrink and
    0.0003320053750465457 before it, and the float16 window (-0.0626220703125, -0.06256103515625) -6.103515625e-05 and
    -9.1552734375e-05, in ranks 1 to 3, in generic, AVX2 and (here) AVX-512 code; of all 65536 bfloat16 bit patterns
    none loses its order, alone or in a row, while float16 has 6 pairs."""
    out = run_python(_TANHSHRINK_DTYPES_CODE, **({"ATEN_CPU_CAPABILITY": capability} if capability else {}))
    lost, windows = json.loads(out)
    assert lost == {"torch.float16": [6, 6], "torch.bfloat16": [0, 0]}, out
    assert windows == {
        "torch.float64": [["0.0003320053750465596", "0.0003320053750465457"]],
        "torch.float16": [["-6.103515625e-05", "-9.1552734375e-05"]],
    }, out
    assert_pages_say(
        (
            "why-no-downsample.md",
            "256 float32 steps apart. Float16 and float64 values lose their order too (bfloat16 values keep it): the "
            "float64 window 0.10000000000023855 and 0.10000000000023856 gives 0.0003320053750465596 one way and "
            "0.0003320053750465457 the other, and the float16 window −0.0626220703125 and −0.06256103515625 gives "
            "−6.103515625e-05 one way and −9.1552734375e-05 the other.",
        ),
        (
            "why-no-downsample.zh.md",
            "两者相差 256 个 float32 舍入单位。float16 和 float64 数值同样会失去大小顺序（bfloat16 数值不会）："
            "由 0.10000000000023855 和 0.10000000000023856 组成的 float64 窗口，一种顺序得到 0.0003320053750465596，"
            "另一种得到 0.0003320053750465457；由 −0.0626220703125 和 −0.06256103515625 组成的 float16 窗口，"
            "一种顺序得到 −6.103515625e-05，另一种得到 −9.1552734375e-05。",
        ),
    )


def test_the_one_sign_comment_limits_avg_pool_and_relu_commuting_to_floating_point_input():
    """Review r137-1: the relu_commutes cell's comment said "Average pooling (with a positive divisor) and ReLU commute
    where no window mixes signs", naming no dtype, where the page states it for floating-point input; the CPU pools
    int64 too, adding in int64, so a window of one sign can wrap around: four values of 2**63 - 1 average to -1,
    which ReLU turns into 0, while pooling ReLU's output keeps -1 (in 1-D, 2-D and 3-D, contiguous and channels_last,
    1 and 4 threads); in float the same window averages to 2**63 either way."""
    threads = torch.get_num_threads()
    try:
        for n_threads, (rank, pool) in itertools.product(
            (1, 4), ((1, F.avg_pool1d), (2, F.avg_pool2d), (3, F.avg_pool3d))
        ):
            torch.set_num_threads(n_threads)
            x = torch.full((2, 3) + (4,) * rank, 2**63 - 1, dtype=torch.int64)
            layouts = [x] + ([x.contiguous(memory_format=torch.channels_last)] if rank == 2 else [])
            for y in layouts:
                relu_first, pool_first = pool(F.relu(y), 2), F.relu(pool(y, 2))
                assert (relu_first == -1).all() and (pool_first == 0).all(), (rank, n_threads)
            for dtype in (torch.float32, torch.float64):
                y = x.to(dtype)
                assert torch.equal(pool(F.relu(y), 2), F.relu(pool(y, 2)))
    finally:
        torch.set_num_threads(threads)
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert "# Average pooling (with a positive divisor) and ReLU commute" not in source
    assert (
        "# On floating-point input, average pooling (with a positive divisor) and ReLU commute where no window mixes "
        "signs\n# (an int64 window's sum can wrap around: four values of 2**63 - 1 average to -1, which ReLU turns into 0)"
        in source
    )


def test_the_table_puts_only_the_call_in_code_so_the_zh_page_translates_random_and_averaging():
    """The zh table showed `Conv2d(stride=2), random` in English: the whole name was a code span, which is never
    translated (noticed by review r137-1). The call alone is code now, and its note is translated."""
    from sitegen.translate import Translations

    zh = Translations.load(ROOT / "docs" / "translations.yml")
    rows = [
        line for line in printed_by("why_no_downsample.py").splitlines() if line.startswith("| learn what to keep |")
    ]
    cells = [row.split(" | ")[1] for row in rows]
    assert cells == ["`Conv2d(stride=2)`, random", "`Conv2d(stride=2)`, averaging"]
    assert [zh.translate(cell, "zh") for cell in cells] == [
        "`Conv2d(stride=2)`，随机初始化",
        "`Conv2d(stride=2)`，取平均的权重",
    ]


def test_size_removes_only_the_factor_exceptions_of_odd_factor_bilinear_not_the_sign_of_zero_or_nan():
    # Review r138-1: "Passing size= ... removes those exceptions: nearest, and bilinear at odd factors, are then slicing
    # at every whole factor (for sizes that divide by it; the uint8 exception above stays ...; so does the compiled
    # one)" named the exceptions that stay but left out two: with size= too, bilinear reads the next pixel with weight
    # 0, so a kept -0.0 before a positive pixel comes out +0.0 and an inf after a kept pixel gives nan. What size=
    # removes is what comes from the factor: the short sizes at 49, and float64's leaking neighbour at 1/49.
    for k in (3, 5, 7, 9, 15, 49):
        for dtype in (torch.float16, torch.bfloat16, torch.float32, torch.float64):
            for rank in (3, 4, 5):
                shape = (1, 2) + (2 * k,) * (rank - 2)
                resize = lambda t: F.interpolate(
                    t, size=(2,) * (rank - 2), mode=("linear", "bilinear", "trilinear")[rank - 3]
                )  # noqa: E731
                kept = (..., *(slice(k // 2, None, k),) * (rank - 2))
                after = (..., *(slice(k // 2 + 1, None, k),) * (rank - 2))
                x = torch.ones(shape, dtype=dtype)
                x[kept] = -0.0
                out = resize(x)
                assert torch.equal(out, x[kept]) and not out.signbit().any(), (k, dtype, rank)  # equal as numbers only
                y = torch.zeros(shape, dtype=dtype)
                y[after] = float("inf")
                assert torch.isnan(resize(y)).all() and not torch.isnan(y[kept]).any(), (k, dtype, rank)
    # what size= does remove: float64 at 1/49 reads the neighbour with a weight that is not 0
    x = torch.zeros(1, 1, 1, 49 * 40, dtype=torch.float64)
    x[..., 49 // 2 + 1 :: 49] = 1e300
    assert (F.interpolate(x, scale_factor=(1, 1 / 49), mode="bilinear") != 0).any()
    assert torch.equal(F.interpolate(x, size=(1, 40), mode="bilinear"), x[..., 49 // 2 :: 49])
    assert_pages_say(
        (
            "why-no-downsample.md",
            "only the\nexceptions that come from the factor go: bilinear still reads the next pixel with weight 0, so a "
            "kept −0.0 can still\ncome out as +0.0 and an `inf` there still gives `nan`, and the `uint8` exception above "
            "stays:",
        ),
        (
            "why-no-downsample.zh.md",
            "去掉的只是来自倍数的例外：双线性插值仍会以权重 0 读取下一个像素，所以被保留的 −0.0 仍可能变成 +0.0，"
            "那里如果是 `inf`，仍会得到 `nan`；上面 `uint8` 的例外依然存在",
        ),
    )


def test_odd_factor_bilinear_gives_one_pixel_all_the_weight_but_still_reads_the_next_one():
    # Review r138-1: "at odd factors it reads a single pixel" was contradicted by its own last limit, "the kernel still
    # reads the next pixel with weight 0": it reads two pixels per axis and weighs one by 1. Odd k from 3 to 21, 1-D to
    # 3-D, float32 and float64: an impulse on the kept pixel comes through whole, one on the next pixel not at all, and an
    # inf there turns the output into nan, so the next pixel is read.
    for k in range(3, 22, 2):
        for dtype in (torch.float32, torch.float64):
            for rank in (3, 4, 5):
                mode = ("linear", "bilinear", "trilinear")[rank - 3]
                shape = (1, 1) + (k,) * (rank - 2)
                kept, following = (k // 2,) * (rank - 2), (k // 2 + 1,) * (rank - 2)
                for where, value, expected in (
                    (kept, 1.0, 1.0),
                    (following, 1.0, 0.0),
                    (following, float("inf"), None),
                ):
                    x = torch.zeros(shape, dtype=dtype)
                    x[(0, 0) + where] = value
                    out = F.interpolate(x, scale_factor=1 / k, mode=mode).item()
                    assert math.isnan(out) if expected is None else out == expected, (k, dtype, rank, where, value)
    assert_pages_say(
        (
            "why-no-downsample.md",
            "at odd factors it gives a single pixel all the weight (the next pixel, which it still reads, gets 0): "
            "each output point",
        ),
        ("why-no-downsample.zh.md", "它把全部权重都给了一个像素（它仍会读取下一个像素，但权重为 0）：每个输出点"),
    )
    for name in ("why-no-downsample.md", "why-no-downsample.zh.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert "it reads a single pixel" not in text and "它只读一个像素" not in text, name


def test_softsign_descends_where_one_plus_x_rounds_down_as_much_as_where_it_rounds_up():
    # Review r138-1: the page said "where 1 + |x| rounds up, a larger input can give a smaller output", and its own
    # float32 example descends because 1 + 3.0000002 rounds down to 4 (3.0000005 + 1 is exact). Over every positive
    # float16 and bfloat16 value and 400,000 float32 values around 3 and 7, descents come from both: the smaller
    # input's 1 + |x| rounding down alone, and the larger input's rounding up alone.
    bits = {torch.float16: torch.int16, torch.bfloat16: torch.int16, torch.float32: torch.int32}
    for dtype, int_dtype in bits.items():
        if dtype in (torch.float16, torch.bfloat16):
            top = 0x7C00 if dtype == torch.float16 else 0x7F80
            values = torch.arange(1, top, dtype=torch.int32).to(int_dtype).view(dtype)
        else:
            values = torch.cat(
                [
                    torch.arange(c - 200_000, c + 200_000, dtype=int_dtype).view(dtype)
                    for c in (torch.tensor([v], dtype=dtype).view(int_dtype).item() for v in (3.0, 7.0))
                ]
            )
        low, high = _descents(values, F.softsign)
        exact = lambda t: 1 + t.double()  # noqa: E731  (exact in float64 for these dtypes)
        down = (1 + low).double() < exact(low)
        up = (1 + high).double() > exact(high)
        assert (down | up).all(), dtype  # no descent without a rounded 1 + |x|
        assert (down & ~up).any() and (up & ~down).any(), dtype
    x = torch.tensor([3.0000002, 3.0000005])
    assert (1 + x).tolist()[0] == 4.0 and (1 + x).double()[1] == 1 + x.double()[1]  # the page's example rounds down
    assert_pages_say(
        (
            "why-no-downsample.md",
            "dtype: where 1 + |x| rounds, down (which pushes the output away from 0) or up (which pulls it towards 0), a\n"
            "  larger input can give a smaller output",
        ),
        ("why-no-downsample.md", "0.75000006 one way and 0.75 the other:\n  1 + 3.0000002 rounds down to 4)."),
        (
            "why-no-downsample.zh.md",
            "在 1 + |x| 被舍入的地方，无论是向下舍入（把输出推离 0）还是向上舍入（把输出拉向 0），较大的输入都可能得到较小的输出",
        ),
        ("why-no-downsample.zh.md", "另一种得到 0.75：1 + 3.0000002 向下舍入成了 4）。"),
    )
    for name in ("why-no-downsample.md", "why-no-downsample.zh.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert "where 1 + |x| rounds up," not in text and "在 1 + |x| 向上舍入的地方" not in text, name


def test_the_avg_is_a_conv_cells_comment_gives_divisor_overrides_weight_beside_1_over_k_to_the_rank(ns):
    # Review r138-1: the shown comment said "Average pooling of float16 to float64 input is a convolution with fixed
    # weights, 1/k^rank for a k-wide window", where the page says divisor_override=d (2-D and 3-D) makes them 1/d: for
    # every d other than k^rank, the 1/k^rank convolution misses the pooling, and the 1/d one matches it.
    generator = torch.Generator().manual_seed(138)
    for rank in (2, 3):
        _, avg_pool, conv = POOL[rank]
        for k, d in itertools.product((2, 3), (1, 3, 5, 7)):
            x = torch.rand((1, 2) + (7,) * rank, generator=generator, dtype=torch.float64) + 0.5
            pooled = avg_pool(x, k, k, divisor_override=d)
            by_d = conv(x, torch.full((2, 1) + (k,) * rank, 1.0 / d, dtype=torch.float64), stride=k, groups=2)
            torch.testing.assert_close(pooled, by_d, atol=1e-12, rtol=0)
            assert not torch.allclose(pooled, ns["avg_pool_as_conv"](x, k, k)), (rank, k, d)
    source = (ROOT / "examples" / "why_no_downsample.py").read_text(encoding="utf-8")
    assert (
        "1/k^rank\n# for a k-wide window in each of rank dimensions (1/d with divisor_override=d; per channel" in source
    )


def test_divisor_override_divides_by_d_in_the_border_windows_of_count_include_pad_false_and_ceil_mode_too():
    # Review r138-1: "A third, divisor_override=d (2-D and 3-D only), divides by d everywhere, so it stays a
    # convolution, with weights 1/d" follows the two options that change the divisor at the border, and "everywhere"
    # covers their border windows; the test above ran only the default count_include_pad=True, ceil_mode=False.
    # Ranks 2 and 3, kernels 2 and 3, strides 1 to 3, padding up to k // 2, both options on and off, odd and even
    # sizes, a negative d too (review r140-1 swept the same): the pooling is the zero-padded convolution with weights
    # 1/d (the overhang of ceil_mode padded with zeros).
    generator = torch.Generator().manual_seed(138)
    border_cases = 0
    for rank in (2, 3):
        _, avg_pool, conv = POOL[rank]
        for k, stride, padding, d, ceil_mode, count_include_pad, n in itertools.product(
            (2, 3), (1, 2, 3), (0, 1), (1, 3, 7, -2), (False, True), (False, True), (5, 6, 7)
        ):
            if padding > k // 2:
                continue
            x = torch.randn((1, 2) + (n,) * rank, generator=generator, dtype=torch.float64)
            pooled = avg_pool(
                x,
                k,
                stride,
                padding,
                ceil_mode=ceil_mode,
                count_include_pad=count_include_pad,
                divisor_override=d,
            )
            weight = torch.full((2, 1) + (k,) * rank, 1.0 / d, dtype=torch.float64)
            convolved = conv(F.pad(x, (padding, padding + k) * rank), weight, stride=stride, groups=2)
            convolved = convolved[(...,) + tuple(slice(0, size) for size in pooled.shape[2:])]
            torch.testing.assert_close(pooled, convolved, atol=1e-12, rtol=0)
            plain = avg_pool(x, k, stride, padding, ceil_mode=ceil_mode, count_include_pad=count_include_pad)
            if not torch.allclose(plain * k**rank / d, pooled, atol=1e-12):  # a border divisor other than k^rank
                border_cases += 1
    assert border_cases > 100  # the sweep reaches windows whose divisor these options change
    assert_pages_say(
        ("why-no-downsample.md", "A third, `divisor_override=d` (2-D and 3-D only), divides by *d*\neverywhere"),
        ("why-no-downsample.zh.md", "第三个选项 `divisor_override=d`（只有二维和三维有）在所有位置都除以 *d*"),
    )


_BFLOAT16_ELU_SIMD_SCALAR_CODE = """
import json, torch, torch.nn.functional as F
# every finite bfloat16 and float16 value, in a contiguous row (SIMD blocks) and alone in rows of one (scalar code)
differ = {}
for dtype in (torch.bfloat16, torch.float16):
    v = torch.arange(-32768, 32768, dtype=torch.int32).to(torch.int16).view(dtype)
    v = v[torch.isfinite(v)].contiguous()
    column = torch.stack([v, v], 1)[:, :1]
    for alpha in (1.0, 2.5):
        a, b = F.elu(v, alpha), F.elu(column, alpha).flatten()
        differ[f"{dtype} {alpha}"] = int((a.view(torch.int16) != b.view(torch.int16)).sum())
x = torch.full((1, 1, 2, 32), -8.475035429000854e-08, dtype=torch.bfloat16)
after, before = F.max_pool2d(F.elu(x, 2.5), 2), F.elu(F.max_pool2d(x, 2), 2.5)
orders = sorted({repr(after[0, 0, 0, 0].item()), repr(before[0, 0, 0, 0].item())})
step = abs(after[0, 0, 0, 0].view(torch.int16).item() - before[0, 0, 0, 0].view(torch.int16).item())
print(json.dumps([torch.backends.cpu.get_cpu_capability(), differ, orders, step]))
"""


def test_bfloat16_elu_orders_differ_with_an_alpha_such_as_2_5_with_avx2_and_avx_512():
    """Review r138-1: the bit-for-bit list said the exp-based activations' two orders can differ on float32 and on
    float64 input, and left bfloat16 out, where ELU with an alpha such as 2.5 rounds differently in its SIMD and scalar
    code too (default alpha 1: not at all; float16: not at all): a bfloat16 2x32 image of -8.475035429000854e-08
    gives -2.123415470123291e-07 one way and -2.1141022443771362e-07 the other, one bfloat16 step apart, with AVX2
    and AVX-512 code; generic x86 code gives the same bits both ways."""
    runs = {"default": run_in_generic_x86_code(_BFLOAT16_ELU_SIMD_SCALAR_CODE)}
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        runs["avx2"] = run_python(_BFLOAT16_ELU_SIMD_SCALAR_CODE, ATEN_CPU_CAPABILITY="avx2")
        runs["native"] = run_python(_BFLOAT16_ELU_SIMD_SCALAR_CODE)
    for name, out in runs.items():
        capability, differ, orders, step = json.loads(out)
        if name == "default":
            assert set(differ.values()) == {0} and len(orders) == 1, out
        else:
            assert capability in ("AVX2", "AVX512"), out
            assert differ["torch.bfloat16 2.5"] > 0 and differ["torch.bfloat16 1.0"] == 0, out
            assert differ["torch.float16 2.5"] == 0 and differ["torch.float16 1.0"] == 0, out
            assert orders == ["-2.1141022443771362e-07", "-2.123415470123291e-07"] and step == 1, out
    assert_pages_say(
        (
            "why-no-downsample.md",
            "On bfloat16 input, ELU with an `alpha` such as 2.5 (not the default 1) takes two paths that round "
            "differently too: with `alpha=2.5`, a bfloat16 2×32 image of −8.475035429000854e-08 gives "
            "−2.123415470123291e-07 one way and −2.1141022443771362e-07 the other, one bfloat16 step apart.",
        ),
        (
            "why-no-downsample.zh.md",
            "对 bfloat16 输入，`alpha` 取 2.5 这类值（而非默认的 1）的 ELU，两条路径的舍入也可能不同："
            "`alpha=2.5` 时，一张全为 −8.475035429000854e-08 的 bfloat16 2×32 图像，一种顺序得到 −2.123415470123291e-07，"
            "另一种得到 −2.1141022443771362e-07，两者相差一个 bfloat16 舍入单位。",
        ),
    )


def test_the_doubling_and_assert_links_land_on_the_sections_that_state_them():
    """The area paragraph's "see [Coordinates and align_corners](interpolate-coordinates.md)", for the CPU's
    channels-last nearest kernel that doubles each pixel, and "see [Which modes work where](interpolate-support.md)",
    for the AVX2 assert on a 3-channel uint8 1x1 output, landed on the top of those pages: the doubling is stated in
    the section "scale_factor is not in/out", the assert in the section "Dtypes and devices"."""
    sections = {
        ("interpolate-coordinates.md", "## `scale_factor` is not in/out\n"): "they also double when the output has",
        ("interpolate-coordinates.zh.md", "## `scale_factor` 不等于 in/out\n"): "输出是输入的两倍时还会直接加倍",
        ("interpolate-support.md", "## Dtypes and devices\n"): "assertion, with or without antialias",
        ("interpolate-support.zh.md", "## dtype 与设备\n"): "内部断言",
    }
    for (page, heading), words in sections.items():
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        section = text.split(heading, 1)[1].split("\n## ", 1)[0]
        assert words in section, (page, heading)
    assert_pages_say(
        (
            "why-no-downsample.md",
            "see [Coordinates and align_corners](interpolate-coordinates.md#scale_factor-is-not-inout))",
        ),
        (
            "why-no-downsample.zh.md",
            "见[坐标映射与 align_corners](interpolate-coordinates.md#scale_factor-不等于-inout)）",
        ),
        (
            "why-no-downsample.md",
            "internal assert, see [Which modes work where](interpolate-support.md#dtypes-and-devices);",
        ),
        ("why-no-downsample.zh.md", "见[各模式支持哪些输入](interpolate-support.md#dtype-与设备)；"),
    )


def test_the_table_rows_cuda_links_land_on_the_sections_that_state_the_uint8_refusal_and_the_factor_limits():
    """The table's "on CUDA, uint8 is [refused]: see [dtype and memory format](interpolate-dtypes.md)" and "(see
    [what an nn.Downsample would be](downsample-module.md), which covers bilinear only)" landed on those pages' tops:
    the CUDA uint8 refusal of antialias is in the section "Which dtypes each mode accepts", the 100x / 50x limits of
    the shared memory in the section "Factors up to 100"."""
    sections = {
        ("interpolate-dtypes.md", "## Which dtypes each mode accepts\n"): "bfloat16 work, uint8 does not",
        ("interpolate-dtypes.zh.md", "## 各模式支持哪些数据类型\n"): "支持 float16 和 bfloat16，不支持 uint8",
        ("downsample-module.md", "### Factors up to 100\n"): "factor of 100 in float32 and below 50 in float64",
        ("downsample-module.zh.md", "### 倍数一直到 100\n"): "float32 下到不了 100 倍，在 float64 下到不了 50 倍",
    }
    for (page, heading), words in sections.items():
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        section = text.split(heading, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
        assert words in " ".join(section.split()), (page, heading)
    assert_pages_say(
        (
            "why-no-downsample.md",
            "see [dtype and memory format](interpolate-dtypes.md#which-dtypes-each-mode-accepts),",
        ),
        ("why-no-downsample.zh.md", "见[数据类型与内存格式](interpolate-dtypes.md#各模式支持哪些数据类型)，"),
        (
            "why-no-downsample.md",
            "(see [what an nn.Downsample would be](downsample-module.md#factors-up-to-100), which",
        ),
        ("why-no-downsample.zh.md", "（见[如果真有 nn.Downsample](downsample-module.md#倍数一直到-100)，那一页"),
    )


SOFTSHRINK_BLOCKS = """
import torch, torch.nn.functional as F
blocks = {torch.float16: 32, torch.bfloat16: 32, torch.float32: 16, torch.float64: 8}
for dtype, block in blocks.items():
    for n in range(1, 4 * block + 2):
        negative = torch.signbit(F.softshrink(torch.full((n,), -0.3, dtype=dtype))).nonzero().flatten().tolist()
        assert negative == list(range(n - n % block, n)), (dtype, n, negative)  # -0.0 from the scalar code only
        assert not torch.signbit(F.softshrink(torch.full((n,), 0.3, dtype=dtype))).any(), (dtype, n)
    rows = torch.full((3, 2 * block + 5), -0.3, dtype=dtype)  # rows of a view: each row's last 5 values are scalar
    negative = torch.signbit(F.softshrink(rows[:, 1:])).nonzero()[:, 1].unique().tolist()
    assert negative == list(range(2 * block, 2 * block + 4)), (dtype, negative)
    strided = torch.signbit(F.softshrink(torch.full((4 * block,), -0.3, dtype=dtype)[::2]))
    assert strided.all(), dtype  # not contiguous: the scalar code on every value
    x = torch.full((1, 1, 64, 64), -0.3, dtype=dtype)
    x[..., 1::2] = 0.3  # windows of -0.3 and then 0.3
    after, before = F.max_pool2d(F.softshrink(x), (1, 2)), F.softshrink(F.max_pool2d(x, (1, 2)))
    assert not torch.signbit(after).any() and not torch.signbit(before).any(), dtype  # +0.0 both ways
    window = torch.tensor([-0.3, 0.3], dtype=dtype).view(1, 1, 2)
    after, before = F.max_pool1d(F.softshrink(window), 2), F.softshrink(F.max_pool1d(window, 2))
    assert torch.signbit(after).item() and not torch.signbit(before).item(), dtype
print("ok")
"""


@pytest.mark.parametrize("capability", ["default", "avx2", None])
def test_softshrink_turns_minus_0_3_into_minus_zero_only_in_its_scalar_code_not_in_its_simd_blocks(capability):
    """Review r139-1: the bullet said "Softshrink turns -0.3 into -0.0 and 0.3 into +0.0, so a window holding -0.3
    and then 0.3 gives -0.0 one way and +0.0 the other", and its test pooled only windows of two values. The -0.0 comes
    from Softshrink's scalar code; its SIMD code, on contiguous values in blocks of 16 float32 (8 float64, 32 float16
    or bfloat16), gives +0.0, so on a 64x64 image of such windows both orders give +0.0. Swept over the four float
    dtypes, tensor lengths up to four blocks and one more, rows of a view and a strided view, under torch's generic
    x86 code, AVX2 and this machine's code."""
    env = {"ATEN_CPU_CAPABILITY": capability} if capability else {}
    assert run_python(SOFTSHRINK_BLOCKS, **env).strip() == "ok"
    assert_pages_say(
        (
            "why-no-downsample.md",
            "and Softshrink turns 0.3 into +0.0, and −0.3 into −0.0 in its scalar code but into +0.0 in its SIMD code, "
            "which takes contiguous values in blocks of 16 float32 (8 float64, 32 float16 or bfloat16) and leaves the "
            "rest to the scalar code, so a window holding −0.3 and then 0.3 gives −0.0 one way and +0.0 the other where "
            "the scalar code runs, as on a tensor of just those two values, and +0.0 both ways in a 64×64 image of such "
            "windows;",
        ),
        (
            "why-no-downsample.zh.md",
            "−0.3 在它的标量代码里变成 −0.0，在它的 SIMD 代码里却变成 +0.0（SIMD 代码按块处理内存连续的值，每块 16 个 "
            "float32（float64 为 8 个，float16 和 bfloat16 为 32 个），剩下的交给标量代码），所以窗口里先出现 −0.3、"
            "后出现 0.3 时，在标量代码运行的地方（例如只含这两个值的张量），一种顺序得到 −0.0，另一种得到 +0.0，"
            "而在由这样的窗口组成的 64×64 图像里，两种顺序都得到 +0.0；",
        ),
    )


_FLOAT64_ELU_PIXELS_CODE = """
import json, torch, torch.nn.functional as F
x = torch.full((1, 1, 2, 14), -0.22887413288613145, dtype=torch.float64)
after, before = F.max_pool2d(F.elu(x), 2).flatten().tolist(), F.elu(F.max_pool2d(x, 2)).flatten().tolist()
print(json.dumps([torch.backends.cpu.get_cpu_capability(), [repr(v) for v in after], [repr(v) for v in before]]))
"""


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="SIMD ELU code")
def test_the_float64_elu_image_differs_in_its_first_output_pixel_not_in_all_seven():
    """Review r140-1: the page said "a float64 2x14 image of -0.22887413288613145 gives -0.2045713544875439 after ELU
    one way and -0.20457135448754388 the other", as if of the whole output, and its test read only the first output
    pixel. Pooled after ELU, the image's 7 output pixels hold -0.2045713544875439 only where the whole window ran ELU's
    SIMD code: the first pixel with AVX-512 (blocks of 16 float64), the first five with AVX2 (blocks of 8); the last six
    and the last two give -0.20457135448754388 in both orders."""
    x, y = "-0.2045713544875439", "-0.20457135448754388"
    for env, capability, differing in (({"ATEN_CPU_CAPABILITY": "avx2"}, "AVX2", 5), ({}, None, None)):
        got, after, before = json.loads(run_python(_FLOAT64_ELU_PIXELS_CODE, **env))
        if capability is None:
            if got != "AVX512":
                continue
            differing = 1
        assert got == (capability or "AVX512")
        assert before == [y] * 7, before
        assert after == [x] * differing + [y] * (7 - differing), (got, after)
    assert_pages_say(
        (
            "why-no-downsample.md",
            "gives −0.2045713544875439 after ELU one way and −0.20457135448754388 the other in its\n  first output pixel "
            "(in its last six with AVX-512, its last two with AVX2, both orders give −0.20457135448754388).",
        ),
        (
            "why-no-downsample.zh.md",
            "经 ELU 后，第一个输出像素一种顺序得到 −0.2045713544875439，另一种得到 −0.20457135448754388（最后六个输出像素在 "
            "AVX-512 下、最后两个在 AVX2 下，两种顺序都得到 −0.20457135448754388）。",
        ),
    )
