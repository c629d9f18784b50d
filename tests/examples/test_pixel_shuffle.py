"""The claims of docs/pixel-shuffle*.md, asserted on the values its example computes."""

import itertools
import os

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.flop_counter import FlopCounterMode

from helpers import ROOT, assert_pages_say, run_example


def _pages() -> tuple[str, str]:
    """The English and Chinese page, whose wording several tests check beside the claim they test."""
    return tuple(
        (ROOT / "docs" / name).read_text(encoding="utf-8") for name in ("pixel-shuffle.md", "pixel-shuffle.zh.md")
    )


@pytest.fixture(scope="module")
def ns():
    return run_example("pixel_shuffle.py")


@pytest.mark.parametrize("leading", [(), (2,), (2, 3)])
@pytest.mark.parametrize("r", [1, 2, 3])
def test_shape_algebra_and_unshuffle_inverse(leading, r):
    x = torch.randn(*leading, 5 * r * r, 4, 6)
    y = nn.PixelShuffle(r)(x)
    assert y.shape == (*leading, 5, 4 * r, 6 * r)
    assert torch.equal(nn.PixelUnshuffle(r)(y), x)


@pytest.mark.parametrize("dtype", [torch.float64, torch.bfloat16, torch.uint8, torch.bool])
def test_unshuffle_inverts_shuffle_over_ranks_dtypes_layouts_and_views(dtype):
    """The page's "exact inverse" and the index rule, on any tensor with elements: ranks 3 to 6,
    channels_last copies, transposed (non-contiguous) views, both directions."""
    generator = torch.Generator().manual_seed(0)
    for leading, c, h, w, r in itertools.product([(), (2,), (2, 1), (1, 2, 1)], (1, 2), (1, 3), (1, 2, 4), (1, 2, 3)):
        x = (torch.randn(*leading, c * r * r, h, w, generator=generator) * 10).to(dtype)
        for layout in ("contiguous", "channels_last", "transposed"):
            if layout == "channels_last" and x.dim() != 4:
                continue
            views = {"contiguous": x, "transposed": x.transpose(-1, -2)}
            v = x.contiguous(memory_format=torch.channels_last) if layout == "channels_last" else views[layout]
            y = F.pixel_shuffle(v, r)
            for i, j in itertools.product(range(r), range(r)):
                assert torch.equal(y[..., i::r, j::r], v[..., i * r + j :: r * r, :, :])
            assert torch.equal(F.pixel_unshuffle(y, r), v)
            if y.dim() == 4:
                y = y.contiguous(memory_format=torch.channels_last)
            assert torch.equal(F.pixel_shuffle(F.pixel_unshuffle(y, r), r), y)


@pytest.mark.parametrize("shape", [(0, 8, 4, 4), (2, 0, 4, 4), (8, 0, 3), (3, 0, 8, 2, 2)])
def test_unshuffle_is_no_inverse_for_a_tensor_with_no_elements_on_the_cpu(ns, shape):
    assert tuple(ns["empty"].shape) == (0, 2, 8, 8)
    x = torch.zeros(shape)
    y = nn.PixelShuffle(2)(x)
    assert y.shape == (*shape[:-3], shape[-3] // 4, shape[-2] * 2, shape[-1] * 2)
    assert nn.PixelUnshuffle(2)(y).shape == y.shape != x.shape  # returned unchanged
    assert F.pixel_unshuffle(y.to("meta"), 2).shape == x.shape  # the shape rule itself, as the non-CPU kernel reshapes


def test_unshuffle_refuses_a_tensor_with_no_elements_whose_sides_r_does_not_divide():
    """Review r108-6: the shapes cell's comment said the CPU PixelUnshuffle kernel "returns a tensor with no
    elements unchanged", but it checks that r divides height and width first: it now says "this tensor"."""
    for shape, r in itertools.product(
        [(0, 4, 3, 4), (0, 4, 4, 3), (2, 0, 5, 5), (1, 1, 0, 3), (3, 0, 9, 6, 5)], (2, 4)
    ):
        with pytest.raises(RuntimeError, match="divisible"):
            F.pixel_unshuffle(torch.zeros(shape), r)
    source = (ROOT / "examples" / "pixel_shuffle.py").read_text(encoding="utf-8")
    assert "kernel returns this tensor with no elements unchanged" in source
    assert "kernel returns a tensor with no elements unchanged" not in source


def test_channels_must_be_divisible_by_r_squared():
    with pytest.raises(RuntimeError, match="divisible"):
        nn.PixelShuffle(2)(torch.zeros(1, 6, 4, 4))


def test_index_rule(ns):
    assert ns["rule"]
    x = torch.randn(2, 3 * 9, 4, 5, generator=torch.Generator().manual_seed(0))
    y = F.pixel_shuffle(x, 3)
    for c, i, j in itertools.product(range(3), range(3), range(3)):
        assert torch.equal(y[:, c, i::3, j::3], x[:, c * 9 + i * 3 + j])


def test_pixel_shuffle_has_no_parameters_and_does_no_arithmetic():
    assert sum(p.numel() for p in nn.PixelShuffle(2).parameters()) == 0
    # Review 59: bit for bit, so a -0.0, an inf and a NaN's payload come back as they went in
    special = torch.tensor([-0.0, float("inf"), float("-inf"), float("nan"), -float("nan")])
    for dtype, layout in itertools.product(
        [torch.float32, torch.float16, torch.bfloat16, torch.float64], [torch.contiguous_format, torch.channels_last]
    ):
        x = torch.cat([special, torch.randn(67)]).to(dtype).view(1, 8, 3, 3).contiguous(memory_format=layout)
        bits = {2: torch.int16, 4: torch.int32, 8: torch.int64}[x.element_size()]
        y = F.pixel_shuffle(x, 2)
        assert torch.equal(y.view(bits).flatten().sort().values, x.view(bits).flatten().sort().values)


@pytest.mark.parametrize("r,k", [(1, 3), (2, 3), (3, 3), (2, 5), (4, 1), (3, 7), (5, 3)])
def test_subpixel_conv_equals_a_strided_transposed_conv(ns, r, k):
    torch.manual_seed(r * 10 + k)
    conv = nn.Conv2d(3, 2 * r * r, k, padding=k // 2).double()
    with torch.no_grad():
        conv.bias.copy_(conv.bias[:: r * r].repeat_interleave(r * r))
    layer = ns["transposed_from_subpixel"](conv.float(), r, padding=(k // 2) * r).double()
    conv = conv.double()
    assert layer.kernel_size == (r * k, r * k) and layer.stride == (r, r)
    assert layer.weight.numel() == conv.weight.numel()
    x = torch.randn(2, 3, 7, 6, dtype=torch.float64)
    with torch.no_grad():
        torch.testing.assert_close(layer(x), F.pixel_shuffle(conv(x), r))


def test_example_equivalences_hold(ns):
    assert ns["difference"] < 1e-5
    kernel4, conv = ns["kernel4"].cpu(), ns["conv"].cpu()
    x = torch.randn(1, 8, 6, 7, dtype=torch.float64)
    with torch.no_grad():
        torch.testing.assert_close(F.pixel_shuffle(conv(x), 2), kernel4(x))


def test_distinct_subpixel_biases_break_the_equivalence(ns):
    # A transposed convolution has one bias per output channel; a sub-pixel convolution
    # has r*r of them. With distinct biases the two layers differ.
    torch.manual_seed(0)
    conv = nn.Conv2d(3, 2 * 4, 3, padding=1)
    layer = ns["transposed_from_subpixel"](conv, 2, padding=2)
    x = torch.randn(1, 3, 5, 5)
    with torch.no_grad():
        assert not torch.allclose(layer(x), F.pixel_shuffle(conv(x), 2))


def test_dcgan_layer_as_subpixel_has_zero_taps(ns):
    assert ns["zero_taps"] == pytest.approx(1 - 4 / 9)


@pytest.mark.parametrize("bad", [float("inf"), float("-inf"), float("nan")])
def test_the_two_forms_agree_on_non_finite_input_only_without_zero_weights(ns, bad):
    """Review 52: the DCGAN layer's sub-pixel twin multiplies every pixel by its zero weights too,
    and 0 * inf is NaN; the twin of a sub-pixel layer (kernel r*k) has no zeros and stays equal."""
    torch.manual_seed(3)
    x = torch.randn(1, 8, 6, 7, dtype=torch.float64)
    x[0, 2, 3, 3] = bad
    kernel4 = nn.ConvTranspose2d(8, 4, 4, stride=2, padding=1).double()
    twin = ns["subpixel_from_transposed"](kernel4, k=3)
    with torch.no_grad():
        transposed, sub_pixel = kernel4(x), F.pixel_shuffle(twin(x), 2)
    assert torch.equal(transposed.isinf(), sub_pixel.isinf())
    # the zero weights' NaN lands on outputs the transposed convolution computes as finite numbers
    spread = sub_pixel.isnan() & ~transposed.isnan()
    assert spread.any() and transposed[spread].isfinite().all()
    assert torch.equal(transposed.isnan(), sub_pixel.isnan() & ~spread)
    finite = sub_pixel.isfinite()
    torch.testing.assert_close(transposed[finite], sub_pixel[finite])
    for r, k in [(2, 3), (3, 3), (2, 5)]:
        conv = nn.Conv2d(8, 4 * r * r, k, padding=k // 2).double()
        with torch.no_grad():
            conv.bias.copy_(conv.bias[:: r * r].repeat_interleave(r * r))
            layer = ns["transposed_from_subpixel"](conv, r, padding=(k // 2) * r)
            a, b = layer(x), F.pixel_shuffle(conv(x), r)
        assert torch.equal(a.isnan(), b.isnan()) and torch.equal(a.isinf(), b.isinf()), (r, k)
        torch.testing.assert_close(a[a.isfinite()], b[b.isfinite()])


def count_flops(module, x):
    with FlopCounterMode(display=False) as counter:
        module(x)
    return counter.get_total_flops()


def test_flop_formulas_match_torch_counter(ns):
    x = torch.zeros(1, 8, 10, 12)
    assert count_flops(nn.Conv2d(8, 16, 3, padding=1), x) == ns["conv_flops"](8, 16, 3, 10, 12)
    assert count_flops(nn.ConvTranspose2d(8, 4, 6, stride=2, padding=2), x) == ns["transposed_flops"](8, 4, 6, 10, 12)
    assert count_flops(nn.ConvTranspose2d(8, 4, 4, stride=2, padding=1), x) == ns["transposed_flops"](8, 4, 4, 10, 12)
    for r in (2, 3):
        espcn = nn.Sequential(
            nn.Conv2d(1, 64, 5, padding=2),
            nn.Tanh(),
            nn.Conv2d(64, 32, 3, padding=1),
            nn.Tanh(),
            nn.Conv2d(32, r * r, 3, padding=1),
            nn.PixelShuffle(r),
        )
        assert count_flops(espcn, torch.zeros(1, 1, 12, 10)) == ns["espcn_flops"](r, 12, 10)
        high = nn.Sequential(
            nn.Conv2d(1, 64, 5, padding=2), nn.Conv2d(64, 32, 3, padding=1), nn.Conv2d(32, 1, 3, padding=1)
        )
        assert count_flops(high, torch.zeros(1, 1, 12 * r, 10 * r)) == ns["high_res_flops"](r, 12, 10)


def test_exact_twins_cost_the_same_and_the_dcgan_twin_costs_more(ns):
    assert ns["conv_flops"](8, 16, 3, 1, 1) == ns["transposed_flops"](8, 4, 6, 1, 1)
    assert ns["conv_flops"](8, 16, 3, 1, 1) > ns["transposed_flops"](8, 4, 4, 1, 1)


def test_low_resolution_saves_a_factor_that_grows_with_r_but_falls_further_below_r_squared(ns):
    ratios = {r: high / low for r, (low, high) in ns["flops"].items()}
    for r, ratio in ratios.items():
        assert r * r / 2 < ratio < r * r
    assert list(ratios.values()) == sorted(ratios.values())
    shares = [ratio / r**2 for r, ratio in sorted(ratios.items())]
    assert shares == sorted(shares, reverse=True) and len(set(shares)) == len(shares)
    # beyond the table: the same up to r = 8 (the ratio does not depend on the image size)
    swept = [ns["high_res_flops"](r, 12, 10) / ns["espcn_flops"](r, 12, 10) for r in range(2, 9)]
    assert swept == sorted(swept) and all(ratio < r * r for r, ratio in zip(range(2, 9), swept))
    swept_shares = [ratio / r**2 for r, ratio in zip(range(2, 9), swept)]
    assert swept_shares == sorted(swept_shares, reverse=True)
    # The high-resolution network's cost is the same in every row: same output size.
    assert len({high for _, high in ns["flops"].values()}) == 1


def test_the_high_resolution_cost_is_the_same_only_where_r_divides_the_output(ns):
    """Review 126: 'the high-resolution cost does not depend on r at all, since the output size is the same'
    held for the table's r = 2, 3, 4, but the script enlarges 1080 // r x 1920 // r, so at r = 7 (inside the
    'up to r = 8' of the sentence before) the output is 1078 x 1918 and the cost differs. The page now speaks
    of the table's rows only."""
    costs = {r: ns["high_res_flops"](r, 1080 // r, 1920 // r) for r in range(2, 9)}
    differ = {r for r, cost in costs.items() if cost != costs[2]}
    assert differ == {r for r in range(2, 9) if 1080 % r or 1920 % r} == {7}
    assert set(ns["flops"]) <= set(costs) - differ
    page, page_zh = _pages()
    assert "does not depend on r at all" not in page and "is the same in every row of the table" in page
    assert "高分辨率做法的计算量与 r 无关" not in page_zh and "在表中每一行都相同" in page_zh


@pytest.mark.parametrize("r", range(1, 6))
def test_kernel_r_k_padding_r_half_k_matches_the_size_for_odd_k_only(ns, r):
    for k in range(1, 8):
        for h in (1, 2, 3, 8, 9):
            x = torch.zeros(1, 1, h, h)
            sub_pixel = F.pixel_shuffle(F.conv2d(x, torch.zeros(r * r, 1, k, k), padding=k // 2), r).shape[-1]
            try:
                transposed = F.conv_transpose2d(
                    x, torch.zeros(1, 1, r * k, r * k), stride=r, padding=(k // 2) * r
                ).shape[-1]
            except RuntimeError:  # output smaller than one pixel
                transposed = None
            assert (sub_pixel == transposed) == (k % 2 == 1), (k, h)
            if k % 2 == 0:
                assert sub_pixel == (h + 1) * r and (transposed is None or transposed == (h - 1) * r)
    assert ns["even_sizes"] == ((9 + 1) * 2, (9 - 1) * 2)


@pytest.mark.parametrize("onednn", [True, False])
@pytest.mark.parametrize(
    "dtype", [torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.complex64, torch.complex128]
)
@pytest.mark.parametrize("r", range(1, 6))
def test_even_kernel_on_one_pixel_gives_an_empty_transposed_output_or_an_error(r, dtype, onednn):
    # Review 11: (H - 1) * r = 0 at H = 1. Review 13: only oneDNN returns it empty on the CPU.
    # Review 14: oneDNN also runs for float32 at r = 1 with a batch of two or groups = 2, and
    # for bfloat16 (on a CPU with bfloat16 support, as here); float16 raises like float64.
    # Review 42: bfloat16 comes back empty only where oneDNN supports it ("on this machine ...
    # and bfloat16" was false on a build machine without AVX-512); where it does not, it raises.
    for batch, groups in [(1, 1), (2, 1), (1, 2)]:
        x = torch.zeros(batch, 2, 1, 1, dtype=dtype)
        weight = torch.zeros(2, 2 // groups, 2 * r, 2 * r, dtype=dtype)
        with torch.backends.mkldnn.flags(enabled=onednn):
            # Review 17: float16 goes to oneDNN too where oneDNN supports it (AVX512-FP16)
            fp16 = dtype == torch.float16 and torch.ops.mkldnn._is_mkldnn_fp16_supported()
            bf16 = dtype == torch.bfloat16 and torch.ops.mkldnn._is_mkldnn_bf16_supported()
            # Review 65: complex64 runs as float32 convolutions (returned where float32 is), complex128 as float64
            single = dtype in (torch.float32, torch.complex64)
            if onednn and (bf16 or fp16 or (single and (r >= 2 or batch > 1 or groups > 1))):
                assert F.conv_transpose2d(x, weight, stride=r, padding=r, groups=groups).shape[-2:] == (0, 0)
            else:
                with pytest.raises(RuntimeError, match="too small"):
                    F.conv_transpose2d(x, weight, stride=r, padding=r, groups=groups)


@pytest.mark.parametrize("r", range(1, 6))
@pytest.mark.parametrize("k", [1, 3, 5, 7])
def test_subpixel_conv_equals_the_transposed_conv_over_a_grid_down_to_1x1(ns, r, k):
    # Review RV-P1: the equivalence over every odd kernel up to 7, r up to 5, and tiny or
    # non-square inputs; every transposed-conv weight is filled by exactly one sub-pixel weight.
    g = torch.Generator().manual_seed(r * 10 + k)
    conv = nn.Conv2d(2, 3 * r * r, k, padding=k // 2, dtype=torch.float64)
    with torch.no_grad():
        conv.weight.copy_(torch.rand(conv.weight.shape, generator=g, dtype=torch.float64) + 0.5)  # no zero weight
        conv.bias.copy_(torch.randn(3, generator=g, dtype=torch.float64).repeat_interleave(r * r))
    layer = ns["transposed_from_subpixel"](conv, r, padding=(k // 2) * r)
    assert layer.weight.numel() == conv.weight.numel() and (layer.weight != 0).all()
    for h, w in [(1, 1), (2, 3), (4, 1), (7, 6)]:
        x = torch.randn(2, 2, h, w, generator=g, dtype=torch.float64) - 0.5
        with torch.no_grad():
            torch.testing.assert_close(layer(x), F.pixel_shuffle(conv(x), r))


@pytest.mark.parametrize("dtype", [torch.float32, torch.complex64])
@pytest.mark.parametrize("channels", [1, 20480, 20481])
def test_a_single_float32_image_at_r_1_is_empty_only_above_onednn_size_threshold(channels, dtype):
    # Review 15: use_mkldnn takes a float32 batch of one with a 2x2 kernel only when it holds
    # more than 20480 values; then the (H - 1) * r = 0 output comes back empty instead of raising.
    # Review 65: complex64 too (float32 convolutions of its parts)
    x = torch.zeros(1, channels, 1, 1, dtype=dtype)
    weight = torch.zeros(channels, 1, 2, 2, dtype=dtype)
    if channels > 20480 and torch.backends.mkldnn.is_available():
        assert F.conv_transpose2d(x, weight, stride=1, padding=1).shape[-2:] == (0, 0)
    else:
        with pytest.raises(RuntimeError, match="too small"):
            F.conv_transpose2d(x, weight, stride=1, padding=1)


def test_cpu_refuses_5d_channels_last_3d_input_in_both_layers_whatever_r():
    """Review 48: "any number of leading dimensions ... pass through" and "the exact inverse" held
    for every layout the tests tried, but those tried channels_last only in 4-D. torch's CPU kernels
    switch on suggest_memory_format() and refuse ChannelsLast3d: a 5-D tensor (a batch of clips)
    stored as channels_last_3d raises "Unsupported memory format" in both layers, even at r = 1.
    Review 63: the page said "(and not also contiguous)" and ".contiguous() first avoids it", tested on
    .contiguous(memory_format=channels_last_3d) calls, which return an already contiguous tensor with its
    NCDHW strides. A tensor created in channels_last_3d (torch.empty(..., memory_format=...)) whose
    size-1 sides make it contiguous too, such as a one-frame clip, is refused all the same, and
    .contiguous() returns it unchanged; .clone(memory_format=torch.contiguous_format) runs in every case.
    Only where every dimension but the first has size 1 are its strides the default ones, and it runs."""
    both = 0
    for b, t, c, h, w, r in itertools.product((1, 2), (1, 3), (1, 4), (1, 3), (1, 2, 4), (1, 2)):
        x = torch.empty(b, t, c * r * r, h, w, memory_format=torch.channels_last_3d).normal_()
        y = torch.empty(b, t, c, h * r, w * r, memory_format=torch.channels_last_3d).normal_()
        for layer, z in ((F.pixel_shuffle, x), (F.pixel_unshuffle, y)):
            if z.shape[1:] == (1, 1, 1, 1):
                assert z.stride() == torch.empty(z.shape).stride()
                layer(z, r)  # the default layout: runs
                continue
            with pytest.raises(RuntimeError, match="Unsupported memory format"):
                layer(z, r)
            if z.is_contiguous():
                both += 1
                with pytest.raises(RuntimeError, match="Unsupported memory format"):
                    layer(z.contiguous(), r)
            else:
                layer(z.contiguous(), r)  # runs
            layer(z.clone(memory_format=torch.contiguous_format), r)  # runs
    assert both > 0
    page, page_zh = _pages()
    clip = torch.empty(2, 1, 4, 3, 2, memory_format=torch.channels_last_3d)
    assert clip.is_contiguous() and clip.contiguous() is clip
    with pytest.raises(RuntimeError, match="Unsupported memory format"):
        F.pixel_shuffle(clip, 2)
    assert (
        "even where size-1 sides make it contiguous too" in " ".join(page.split()) and "也同时是内存连续的" in page_zh
    )
    assert (
        "`torch.empty(2, 1, 4, 3, 2, memory_format=torch.channels_last_3d)`" in page
        and "`torch.empty(2, 1, 4, 3, 2, memory_format=torch.channels_last_3d)`" in page_zh
    )
    assert (
        ".clone(memory_format=torch.contiguous_format)" in page
        and ".clone(memory_format=torch.contiguous_format)" in page_zh
    )
    assert "not also contiguous" not in page


def test_the_page_lists_complex_with_the_float_type_its_convolutions_run_in():
    page, page_zh = _pages()
    assert "- float32, and complex64, which torch computes as float32 convolutions" in page
    assert "- float64, complex128, and every dtype with oneDNN disabled: refused." in page
    assert "- float32，以及 complex64（" in page_zh and "- float64、complex128，以及禁用 oneDNN" in page_zh


def test_cpu_takes_a_channels_last_3d_tensor_with_no_elements():
    """Review 65: "both layers refuse ... a 5-D tensor stored as channels_last_3d" was tested on tensors with
    elements only. Both CPU kernels return an empty result before they reach the layout switch, so a
    channels_last_3d tensor with a zero side anywhere runs, and gives the shape of its NCDHW copy."""
    ran = 0
    for sides, r in itertools.product(itertools.product((0, 2), (0, 3), (0, 1, 4), (0, 3), (0, 2)), (1, 2)):
        b, t, c, h, w = sides
        if 0 not in sides:
            continue
        x = torch.empty(b, t, c * r * r, h, w, memory_format=torch.channels_last_3d)
        y = torch.empty(b, t, c, h * r, w * r, memory_format=torch.channels_last_3d)
        for layer, z in ((F.pixel_shuffle, x), (F.pixel_unshuffle, y)):
            assert z.numel() == 0 and z.stride() != torch.empty(z.shape).stride()
            assert layer(z, r).shape == layer(z.clone(memory_format=torch.contiguous_format), r).shape
            ran += 1
    assert ran > 100
    with pytest.raises(RuntimeError, match="Unsupported memory format"):  # one element more and it is refused
        F.pixel_shuffle(torch.empty(1, 2, 4, 1, 1, memory_format=torch.channels_last_3d), 2)
    # Review r116-5: an empty tensor with a side r does not divide is refused for its shape, not returned
    with pytest.raises(RuntimeError, match="divisible by downscale_factor"):
        F.pixel_unshuffle(torch.empty(0, 1, 4, 3, 4, memory_format=torch.channels_last_3d), 2)
    assert_pages_say(
        (
            "pixel-shuffle.md",
            "or the tensor has no elements and a shape the layer takes, which both kernels return before they look at "
            "the layout",
        ),
        ("pixel-shuffle.zh.md", "或者张量没有元素、形状也是该层接受的，两个 CPU 内核在检查内存格式之前就已返回"),
    )


@pytest.mark.parametrize("onednn", [True, False])
def test_an_empty_batch_gets_the_empty_output_whatever_the_dtype_or_onednn(onednn):
    """Review 50: "on the CPU, torch returns it only where oneDNN runs ... refuses it with an error
    ... for float64, ... or with oneDNN disabled" was false for a batch of 0 images: the empty
    (H - 1) * r = 0 output comes back for every dtype, r and oneDNN setting. The rule holds for a
    batch of at least one image, which the page now says."""
    for dtype, r in itertools.product([torch.float32, torch.float64, torch.float16, torch.bfloat16], range(1, 6)):
        x = torch.zeros(0, 2, 1, 1, dtype=dtype)
        weight = torch.zeros(2, 2, 2 * r, 2 * r, dtype=dtype)
        with torch.backends.mkldnn.flags(enabled=onednn):
            assert F.conv_transpose2d(x, weight, stride=r, padding=r).shape == (0, 2, 0, 0)
    page, page_zh = _pages()
    assert "for k = 2 and a batch of at least one image, torch returns it only where oneDNN" in page
    assert "对至少含一张图像的 batch，只有转置卷积走 oneDNN" in page_zh


def test_the_low_resolution_saving_is_below_r_squared_only_from_r_2(ns):
    """Review 50: "saves a factor that ... stays below r²" was stated for every scale, but PixelShuffle(1)
    is a valid layer and at r = 1 the two networks cost the same: the factor is 1 = r². The page now
    says "from r = 2 on" (the other test sweeps r = 2 ... 8)."""
    assert ns["high_res_flops"](1, 12, 10) == ns["espcn_flops"](1, 12, 10)
    assert all(ns["high_res_flops"](r, 12, 10) / ns["espcn_flops"](r, 12, 10) < r * r for r in range(2, 9))
    page, page_zh = _pages()
    assert "From r = 2 on, working at low resolution saves" in page
    assert "从 r = 2 起，在低分辨率上计算所节省的倍数" in page_zh


def test_an_empty_tensor_round_trips_on_the_cpu_exactly_where_the_shuffle_keeps_its_shape():
    """Review 56: "the exact inverse, except on the CPU for a tensor with no elements" also excepted
    r = 1 and tensors with C = H = W = 0, which come back with their own shape (the CPU kernel
    returns the unchanged empty tensor, and PixelShuffle did not change it either)."""
    kept = changed = 0
    for r, leading, c, h, w in itertools.product((1, 2, 3), [(0,), (2,), (0, 3)], (0, 9, 36), (0, 3), (0, 2)):
        x = torch.zeros(*leading, c, h, w)
        if x.numel() or c % (r * r):
            continue
        y = F.pixel_shuffle(x, r)
        round_trips = F.pixel_unshuffle(y, r).shape == x.shape
        assert round_trips == (y.shape == x.shape) == (r == 1 or c == h == w == 0)
        kept += round_trips
        changed += not round_trips
    assert kept > 10 and changed > 10
    page, page_zh = _pages()
    assert "only where it left the shape as it was, at r = 1\nor when channels, height and width are all 0" in page
    assert "只有在 `PixelShuffle(r)` 没有改变形状时（r = 1，或通道、高、宽全为 0）" in page_zh


def _maps(layer, n_weights, h, w):
    """The linear maps a layer family can compute on an h x w input: one Jacobian per one-hot weight."""
    x = torch.eye(h * w, dtype=torch.float64).view(h * w, 1, h, w)
    return torch.stack([layer(x, torch.eye(n_weights, dtype=torch.float64)[t]).flatten() for t in range(n_weights)])


def test_the_3x3_subpixel_family_strictly_contains_the_kernel_4_transposed_family_beyond_one_pixel():
    """Review 57: "strictly more general than the kernel-4 transposed convolution" had no test: only one
    conversion (transposed -> sub-pixel) was checked. Here, on inputs from 1x1 to 5x5, every map of
    ConvTranspose2d(4, stride=2, padding=1) lies in the span of Conv2d(3x3, padding=1) + PixelShuffle(2),
    and the span is larger on every input with more than one pixel; on a 1x1 input each position reads
    only the centre tap and the two families coincide, which the page now says."""

    def sub_pixel(x, weight):
        return F.pixel_shuffle(F.conv2d(x, weight.view(4, 1, 3, 3), padding=1), 2)

    def transposed(x, weight):
        return F.conv_transpose2d(x, weight.view(1, 1, 4, 4), stride=2, padding=1)

    for h, w in itertools.product(range(1, 6), range(1, 6)):
        sub, trans = _maps(sub_pixel, 36, h, w), _maps(transposed, 16, h, w)
        rank_sub, rank_trans, rank_both = (
            torch.linalg.matrix_rank(m).item() for m in (sub, trans, torch.cat([sub, trans]))
        )
        assert rank_both == rank_sub, (h, w)  # every transposed layer is a sub-pixel layer
        assert (rank_sub > rank_trans) == (h * w > 1), (h, w, rank_sub, rank_trans)
    page, page_zh = _pages()
    assert "on a 1×1 input each position reads only the centre tap" in page
    assert "在 1×1 的输入上每个位置只读到中心那个权重" in page_zh


def test_cpu_refuses_a_crop_of_a_channels_last_3d_tensor_although_it_is_contiguous_in_neither_layout():
    """Review 57: "refuse a 5-D tensor stored as channels_last_3d (and not also contiguous)" was tested on
    .contiguous(memory_format=torch.channels_last_3d) copies only. The CPU kernels switch on the strides'
    order, not on contiguity: a crop of such a tensor, for which is_contiguous() is False in both layouts,
    is refused too, while the same crop of an NCDHW tensor runs. The page now says so."""
    refused = 0
    for b, t, c, h, w, r in itertools.product((1, 2), (1, 3), (1, 2), (1, 2, 3), (2, 4), (1, 2)):
        for layer, channels, height, width in (
            (F.pixel_shuffle, c * r * r, h, w),
            (F.pixel_unshuffle, c, h * r, w * r),
        ):
            stored = torch.randn(b + 1, t + 1, channels + 1, height + 1, width + 2)
            crop = (slice(1, b + 1), slice(1, t + 1), slice(1, channels + 1), slice(1, height + 1), slice(2, width + 2))
            for source in (stored, stored.contiguous(memory_format=torch.channels_last_3d)):
                z = source[crop]
                if z.is_contiguous() or z.is_contiguous(memory_format=torch.channels_last_3d):
                    continue  # size-1 sides: the other test covers these
                if source.is_contiguous():
                    layer(z, r)  # an NCDHW crop runs
                    continue
                with pytest.raises(RuntimeError, match="Unsupported memory format"):
                    layer(z, r)
                assert torch.equal(layer(z.contiguous(), r), layer(stored[crop], r))
                refused += 1
    assert refused > 150
    page, page_zh = _pages()
    # Review 104: not every crop: one that keeps a batch of 2 and cuts every other side to 1 runs (its strides are
    # not the default ones), while the same crop with a batch of 1 is refused; so the page says "in general"
    x = torch.empty(2, 4, 4, 3, 2, memory_format=torch.channels_last_3d).normal_()
    for layer in (F.pixel_shuffle, F.pixel_unshuffle):
        assert torch.equal(layer(x[:, :1, :1, :1, :1], 1), x[:, :1, :1, :1, :1])
        with pytest.raises(RuntimeError, match="Unsupported memory format"):
            layer(x[:1, :1, :1, :1, :1], 1)
    assert "and, in general, a crop of such a tensor too, though the crop is in general contiguous in neither" in page
    assert "从这样的张量裁剪出来的视图一般也会被拒绝" in page_zh and "也一样被拒绝" not in page_zh


@pytest.mark.parametrize("dtype", [torch.float32, torch.float16, torch.bfloat16])
def test_the_exact_twins_land_non_finite_values_alike_except_onednn_bfloat16(ns, dtype):
    """Review 59: "there NaN and inf land alike" held in float64 only as far as the tests went: oneDNN's
    bfloat16 convolution (on a CPU that supports it, as this AVX-512 one with AMX) spreads an inf or NaN to NaN at
    outputs whose window does not reach it, where the transposed convolution is finite."""
    differs = {}
    for onednn, (r, k), bad in itertools.product([True, False], [(2, 3), (3, 3), (2, 5)], [float("inf"), float("nan")]):
        torch.manual_seed(r * 10 + k)
        conv = nn.Conv2d(8, 4 * r * r, k, padding=k // 2).to(dtype)
        x = torch.randn(2, 8, 6, 7).to(dtype)
        x[0, 2, 3, 3] = x[1, 5, 0, 6] = bad
        with torch.no_grad(), torch.backends.mkldnn.flags(enabled=onednn):
            conv.bias.copy_(conv.bias[:: r * r].repeat_interleave(r * r))
            layer = ns["transposed_from_subpixel"](conv, r, padding=(k // 2) * r)
            a, b = layer(x), F.pixel_shuffle(conv(x), r)
        assert torch.equal(a.isinf() | b.isinf(), a.isinf())
        differs[onednn, r, k, bad] = not torch.equal(a.isnan(), b.isnan())
        if differs[onednn, r, k, bad]:
            assert not (b.isfinite() & ~a.isfinite()).any()  # only finite outputs of the transposed layer turn NaN
    # Which cases spread depends on the instructions oneDNN uses: here with AMX (this CPU's default), not
    # under ONEDNN_MAX_CPU_ISA=AVX512_CORE or AVX512_CORE_BF16.
    amx = "amx_bf16" in open("/proc/cpuinfo").read() and "ONEDNN_MAX_CPU_ISA" not in os.environ
    if dtype != torch.bfloat16 or not torch.ops.mkldnn._is_mkldnn_bf16_supported():
        assert not any(differs.values())
    elif amx:
        assert any(differs.values())
    assert not any(d for (onednn, *_), d in differs.items() if not onednn)


@pytest.mark.parametrize("k", [4, 6])
def test_the_h_1_list_is_for_k_2_only_a_wider_even_kernel_is_returned_at_r_1(k):
    # Review 69: the list of where an H = 1 transposed output comes back empty read as if for every even k,
    # but use_mkldnn takes a float32 batch of one at r = 1 when the kernel's sides exceed 3: kernel r * k = 4
    # or 6 at r = 1 is returned empty where the k = 2 list says "refused". The page now scopes the list to k = 2.
    en = (ROOT / "docs" / "pixel-shuffle.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "pixel-shuffle.zh.md").read_text(encoding="utf-8")
    assert "On the CPU,\nfor k = 2 and a batch of at least one image," in en
    assert "在 CPU 上，k = 2 时，对至少含一张图像的 batch，" in zh
    x = torch.zeros(1, 2, 1, 1)
    for r in (1, 2, 3):
        weight = torch.zeros(2, 2, r * k, r * k)
        if torch.backends.mkldnn.is_available():
            assert F.conv_transpose2d(x, weight, stride=r, padding=r * (k // 2)).shape[-2:] == (0, 0)
        with torch.backends.mkldnn.flags(enabled=False), pytest.raises(RuntimeError, match="too small"):
            F.conv_transpose2d(x, weight, stride=r, padding=r * (k // 2))


def test_on_one_pixel_the_families_coincide_only_without_biases():
    # Review 69: "on a 1x1 input ... the two layers compute the same maps" held for the weights (the test
    # above), but both layers have biases by default, and the sub-pixel layer's r * r biases give each position
    # of the block its own offset, which ConvTranspose2d's one bias per channel cannot: on a 1x1 input, too, its
    # affine maps span more. The page now says "without biases".
    def sub_pixel(x, params):
        return F.pixel_shuffle(F.conv2d(x, params[:36].view(4, 1, 3, 3), params[36:], padding=1), 2)

    def transposed(x, params):
        return F.conv_transpose2d(x, params[:16].view(1, 1, 4, 4), params[16:], stride=2, padding=1)

    for h, w in itertools.product(range(1, 4), range(1, 4)):
        # an affine map as its values on the input basis and on 0: the rows span each family's maps
        x = torch.cat([torch.eye(h * w, dtype=torch.float64), torch.zeros(1, h * w, dtype=torch.float64)])
        x = x.view(h * w + 1, 1, h, w)

        def maps(layer, n):
            return torch.stack([layer(x, torch.eye(n, dtype=torch.float64)[t]).flatten() for t in range(n)])

        sub, trans = maps(sub_pixel, 40), maps(transposed, 17)
        ranks = [torch.linalg.matrix_rank(m).item() for m in (sub, trans, torch.cat([sub, trans]))]
        assert ranks[2] == ranks[0] > ranks[1], (h, w, ranks)
    page, page_zh = _pages()
    assert "each position reads only the centre tap,\nand without biases the two layers compute the same maps)" in page
    assert "在 1×1 的输入上每个位置只读到中心那个权重，不带偏置时两种层能算出的映射完全相同）" in page_zh


@pytest.mark.parametrize(("r", "k"), [(2, 1), (2, 3), (3, 3), (2, 5)])
def test_nnpack_spreads_non_finite_values_in_float32_where_the_default_path_does_not(ns, r, k):
    # Review 71: "there NaN and inf land alike in float64, float32 and float16" failed in float32 with oneDNN
    # disabled and a batch of 16: torch then runs the sub-pixel Conv2d with NNPACK, whose fast algorithm turns
    # an inf or NaN into NaN at outputs whose window does not reach it. The page now scopes the rule to torch's
    # default settings and names NNPACK among the algorithms that spread them.
    torch.manual_seed(r * 10 + k)
    conv = nn.Conv2d(8, 4 * r * r, k, padding=k // 2)
    with torch.no_grad():
        conv.bias.copy_(conv.bias[:: r * r].repeat_interleave(r * r))
        layer = ns["transposed_from_subpixel"](conv, r, padding=(k // 2) * r)
    for bad in (float("inf"), float("nan")):
        x = torch.randn(16, 8, 9, 4)
        x[15, 2, 4, 2] = bad
        alike = {}
        for onednn, nnpack in [(True, True), (False, False), (False, True)]:
            with torch.no_grad(), torch.backends.mkldnn.flags(enabled=onednn), torch.backends.nnpack.flags(nnpack):
                a, b = layer(x), F.pixel_shuffle(conv(x), r)
            alike[onednn, nnpack] = torch.equal(a.isnan(), b.isnan()) and torch.equal(a.isinf(), b.isinf())
        assert alike[True, True] and alike[False, False], (bad, alike)
        if torch.backends.nnpack.is_available():
            assert not alike[False, True], bad
    page, page_zh = _pages()
    assert "land alike in float64, float32 and float16 on this CPU with torch's default\nsettings." in page
    assert "the NNPACK convolution that torch picks for a\nfloat32 batch of 16 turn" in page
    assert (
        "在这颗 CPU 上、torch 的默认设置下，float64、float32 和 float16 的 NaN 和 inf 在两边落在同样的位置" in page_zh
    )
    assert "关掉 oneDNN 后 torch 为 batch 为 16 的 float32 输入选用的 NNPACK 卷积" in page_zh


def test_inductor_on_the_cpu_takes_channels_last_3d_and_unshuffles_an_empty_tensor_where_eager_does_not():
    """Review 115: "On the CPU, both layers refuse ... a 5-D tensor stored as channels_last_3d" and "the exact
    inverse, except on the CPU for a tensor with no elements" were read for the CPU in general. Under torch.compile
    (Inductor) on the CPU both layers run on such a tensor and give the contiguous copy's result, and
    PixelUnshuffle reshapes an empty batch. Both sentences now say 'in eager mode'."""
    torch._dynamo.reset()

    def both(shuffled, unshuffled, empty):  # one compilation for the three cases
        return F.pixel_shuffle(shuffled, 2), F.pixel_unshuffle(unshuffled, 2), F.pixel_unshuffle(empty, 2)

    g = torch.Generator().manual_seed(0)
    shuffled, unshuffled = (
        torch.randn(*shape, generator=g).contiguous(memory_format=torch.channels_last_3d)
        for shape in ((2, 2, 8, 3, 4), (2, 2, 2, 4, 6))
    )
    assert shuffled.stride()[1] == 1 and unshuffled.stride()[1] == 1  # really channels_last_3d
    empty = torch.empty(0, 4, 4, 4)
    for layer, x in ((F.pixel_shuffle, shuffled), (F.pixel_unshuffle, unshuffled)):
        with pytest.raises(RuntimeError, match="Unsupported memory format"):
            layer(x, 2)
    assert F.pixel_unshuffle(empty, 2).shape == (0, 4, 4, 4)
    got = torch.compile(both, backend="inductor", dynamic=False)(shuffled, unshuffled, empty)
    assert torch.equal(got[0], F.pixel_shuffle(shuffled.contiguous(memory_format=torch.contiguous_format), 2))
    assert torch.equal(got[1], F.pixel_unshuffle(unshuffled.clone(memory_format=torch.contiguous_format), 2))
    assert got[2].shape == (0, 16, 2, 2)
    page, page_zh = (
        " ".join((ROOT / "docs" / name).read_text(encoding="utf-8").split())
        for name in ("pixel-shuffle.md", "pixel-shuffle.zh.md")
    )
    assert "On the CPU in eager mode, both layers refuse" in page
    assert "is the exact inverse, except in eager mode on the CPU for a tensor" in page
    assert "在 CPU 上的 eager 模式下，以 `channels_last_3d`" in page_zh
    assert "只有一个例外：在 CPU 上的 eager 模式下，没有元素的张量" in page_zh


@pytest.mark.parametrize("r", [1, 2, 3])
def test_an_even_kernel_has_a_transposed_twin_padded_by_r_less(ns, r):
    """Review r128-6: the page said the last line of the cell 'shows why the kernel must be odd', but that line
    shows only that the padding r * (k // 2) does not fit an even kernel: padded by r less, r * (k / 2 - 1), the
    transposed convolution is the even kernel's twin, weight for weight. In general a convolution padded by any
    p <= k - 1 is the transposed convolution (kernel r * k, stride r) padded by r * (k - 1 - p)."""
    torch.manual_seed(r)
    for k in range(1, 8):
        for p in range(k):
            for h in (1, 2, 3, 6):
                conv = nn.Conv2d(2, 3 * r * r, k, padding=p).double()
                x = torch.randn(2, 2, h, h + 1, dtype=torch.float64)
                with torch.no_grad():
                    conv.bias.copy_(conv.bias[:: r * r].repeat_interleave(r * r))
                    try:
                        sub_pixel = F.pixel_shuffle(conv(x), r)
                    except RuntimeError:  # the convolution's output is smaller than one pixel
                        continue
                    layer = ns["transposed_from_subpixel"](conv, r, padding=r * (k - 1 - p))
                    transposed = layer(x)
                assert layer.weight.numel() == conv.weight.numel()
                assert transposed.shape == sub_pixel.shape, (k, p, h)
                torch.testing.assert_close(transposed, sub_pixel, rtol=1e-12, atol=1e-12)
                if k % 2 == 0 and p == k // 2:  # the page's even case: padded by r less than r * (k // 2)
                    assert r * (k - 1 - p) == r * (k // 2) - r and sub_pixel.shape[-2] == (h + 1) * r
    assert_pages_say(
        ("pixel-shuffle.md", "the last line shows that this padding fits an odd kernel only:"),
        ("pixel-shuffle.md", "An even kernel has a twin all the same, padded by r less, r·(k/2 − 1) (0 at k = 2)"),
        (
            "pixel-shuffle.md",
            "a convolution padded by any p ≤ k − 1 is the transposed convolution padded by r·(k − 1 − p)",
        ),
        ("pixel-shuffle.zh.md", "最后一行说明这个填充只适用于奇数 k："),
        (
            "pixel-shuffle.zh.md",
            "不过偶数大小的卷积核同样有等价的转置卷积，只是填充少 r，为 r·(k/2 − 1)（k = 2 时为 0）",
        ),
        ("pixel-shuffle.zh.md", "填充为 p（p ≤ k − 1）的卷积，等价于填充为 r·(k − 1 − p) 的转置卷积"),
    )
    page, page_zh = _pages()
    assert "why the kernel must\nbe odd" not in page and "k 为什么必须是奇数" not in page_zh
    script = (ROOT / "examples" / "pixel_shuffle.py").read_text(encoding="utf-8")
    assert "a convolution padded by p <= k - 1 is the transposed one padded by r * (k - 1 - p)" in script


def test_the_examples_docstring_states_the_conversion_with_its_conditions():
    """Review r128-6: the script's docstring (the notebook's first cell) said it 'proves numerically that a
    convolution followed by PixelShuffle is a strided transposed convolution (weights converted both ways)', the
    rule the page limits to equal sub-pixel biases (and, from the transposed side, to finite inputs). With distinct
    biases no transposed convolution matches: on a zero input every ConvTranspose2d returns its one bias per
    channel, constant over the channel, while the sub-pixel layer returns its r * r biases as a checkerboard."""
    torch.manual_seed(0)
    for r in (2, 3):
        conv = nn.Conv2d(3, 2 * r * r, 3, padding=1).double()
        with torch.no_grad():
            zeros = F.pixel_shuffle(conv(torch.zeros(1, 3, 4, 5, dtype=torch.float64)), r)
            assert (zeros.flatten(2).amax(-1) > zeros.flatten(2).amin(-1)).all()  # not constant in any channel
            for kernel, padding in ((r, 0), (2 * r, r // 2), (3 * r, r)):
                layer = nn.ConvTranspose2d(3, 2, kernel, stride=r, padding=padding).double()
                out = layer(torch.zeros(1, 3, 4, 5, dtype=torch.float64))
                assert torch.equal(out, layer.bias.view(1, 2, 1, 1).expand_as(out))
    docstring = " ".join((ROOT / "examples/pixel_shuffle.py").read_text(encoding="utf-8").split('"""')[1].split())
    assert (
        "proves numerically that a convolution followed by PixelShuffle is a strided transposed convolution"
        not in docstring
    )
    assert (
        "checks numerically that a convolution with an odd kernel k, padded by k // 2, followed by PixelShuffle, is a "
        "strided transposed convolution when the r*r biases of each output channel agree" in docstring
    )
    assert "(equal on finite inputs only: its zero weights turn an inf into NaN)" in docstring


def test_the_flops_cell_counts_every_pair_the_page_calls_the_layers_above(ns):
    """Review r134-6: the page introduces the flops cell with 'First, per low-resolution pixel, the layers
    above' (zh '先看上面那几对层') and the cell's comment said 'The pairs above'; the cell printed two pairs,
    the first exact twin of the conversion cell (3x3, r = 2) and the kernel-4 layer, and left out the
    conversion cell's other two twins (3x3 at r = 3, 5x5 at r = 2). It now counts one line per pair the
    conversion cells build, and the twins' equal cost holds over every odd k up to 7 and r = 1 ... 5."""
    from helpers import printed_by

    lines = [line for line in printed_by("pixel_shuffle.py").splitlines() if "PixelShuffle(" in line and ":" in line]
    counted = [line for line in lines if line.count("ConvTranspose2d(8 -> 4,") == 1 and "stride=" in line]
    pairs = [(r, k, r * k) for r, k in ns["twins"]] + [(2, 3, 4)]
    assert ns["twins"] == [(2, 3), (3, 3), (2, 5)]  # the pairs the conversion cell prints
    assert len(counted) == len(pairs)
    for line, (r, k, kernel_size) in zip(counted, pairs):
        sub_pixel, transposed = ns["conv_flops"](8, 4 * r * r, k, 1, 1), ns["transposed_flops"](8, 4, kernel_size, 1, 1)
        assert line.startswith(f"Conv2d(8 -> 4*{r}*{r}, {k}x{k}) + PixelShuffle({r}): {sub_pixel} ")
        assert line.endswith(f"ConvTranspose2d(8 -> 4, {kernel_size}, stride={r}): {transposed}")
        assert (sub_pixel == transposed) == (kernel_size == r * k)
    assert ns["conv_flops"](8, 16, 3, 1, 1) > ns["transposed_flops"](8, 4, 4, 1, 1)
    for r, k, c_in, c_out in itertools.product(range(1, 6), (1, 3, 5, 7), (1, 8), (1, 4)):
        assert ns["conv_flops"](c_in, c_out * r * r, k, 1, 1) == ns["transposed_flops"](c_in, c_out, r * k, 1, 1)
        conv = nn.Conv2d(c_in, c_out * r * r, k, padding=k // 2)
        layer = nn.ConvTranspose2d(c_in, c_out, r * k, stride=r, padding=(k // 2) * r)
        x = torch.zeros(1, c_in, 3, 2)
        assert count_flops(conv, x) == count_flops(layer, x) == ns["conv_flops"](c_in, c_out * r * r, k, 3, 2)
    source = (ROOT / "examples" / "pixel_shuffle.py").read_text(encoding="utf-8")
    assert "# Every pair above, per low-resolution pixel" in source
    assert_pages_say(
        ("pixel-shuffle.md", "First, per low-resolution pixel, the layers above:"),
        ("pixel-shuffle.zh.md", "先看上面那几对层，按每个低分辨率像素计："),
    )


def test_the_super_resolution_pointer_says_which_network_that_page_trains(ns):
    """Review r137-6: the page ended 'The super-resolution page trains these layers', right after ESPCN's
    network (5x5 to 64 channels, 3x3 to 32, 3x3 to r*r) at r = 2, 3, 4. That page trains a smaller network of
    the kind, 16 channels at both feature layers, at r = 2 only, and three other models whose last layer is a
    transposed convolution or nearest upsampling and a convolution. The pointer now says so; the models are
    built here from that script's own code (its training is not run)."""
    import ast

    import _upsamplers

    source = (ROOT / "examples" / "super_resolution.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    wanted = [n for n in tree.body if getattr(n, "name", None) in ("upsampler", "SuperResolution")]
    kinds = next(
        ast.literal_eval(n.value)
        for n in tree.body
        if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) and n.targets[0].id == "kinds"
    )
    scope = {"torch": torch, "nn": nn, "F": F, "icnr_": _upsamplers.icnr_}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), "super_resolution.py", "exec"), scope)
    assert kinds == ["resize-conv", "transposed conv", "ESPCN", "ESPCN + ICNR"]
    for kind in kinds:
        model = scope["SuperResolution"](kind)
        convs = [m for m in model.features if isinstance(m, nn.Conv2d)]
        assert [(c.kernel_size, c.out_channels) for c in convs] == [((5, 5), 16), ((3, 3), 16)]
        last = list(model.upsample.modules()) if isinstance(model.upsample, nn.Sequential) else [model.upsample]
        types = {type(m) for m in last}
        if kind.startswith("ESPCN"):
            assert nn.PixelShuffle in types and model.upsample[1].upscale_factor == 2
        elif kind == "transposed conv":
            assert types == {nn.ConvTranspose2d} and model.upsample.stride == (2, 2)
        else:
            assert nn.Upsample in types and model.upsample[0].mode == "nearest" and nn.Conv2d in types
        with torch.no_grad():
            assert model(torch.zeros(1, 1, 6, 5)).shape == (1, 1, 12, 10)  # r = 2
    # ESPCN's own widths, as this page counts them
    assert ns["espcn_flops"](2, 1, 1) == 2 * (1 * 64 * 25 + 64 * 32 * 9 + 32 * 4 * 9)
    assert_pages_say(
        (
            "pixel-shuffle.md",
            "The [super-resolution page](super-resolution.md) trains a smaller network of this kind (16 channels "
            "where ESPCN has 64 and 32, at r = 2), and the same network ending in a transposed convolution or in "
            "nearest upsampling and a convolution instead; [Where upsampling lives](where-upsampling-lives.md) "
            "measures the parameters of sub-pixel and transposed convolutions and whether their output starts flat "
            "inside a U-Net.",
        ),
        (
            "pixel-shuffle.zh.md",
            "[超分辨率一页](super-resolution.md)训练的是一个同类但更小的网络（ESPCN 用 64 和 32 个通道，那里只用 16 个，"
            "r = 2），以及把最后一层换成转置卷积、或换成最近邻上采样加卷积的同一网络；",
        ),
    )
    page = (ROOT / "docs" / "pixel-shuffle.md").read_text(encoding="utf-8")
    assert "trains these layers" not in page


def test_the_dcgan_attribution_link_lands_on_the_section_that_has_it():
    """Review 140: "(the [ConvTranspose2d page](transposed-conv.md) has the attribution)" opened at that page's
    top; the links to the Torch and PyTorch DCGAN code are in its section "The output size" (输出尺寸)."""
    assert_pages_say(
        ("pixel-shuffle.md", "[ConvTranspose2d page](transposed-conv.md#the-output-size) has the attribution"),
        ("pixel-shuffle.zh.md", "（出处见 [ConvTranspose2d 一页](transposed-conv.md#输出尺寸)）"),
    )
    for page, heading in (("transposed-conv.md", "## The output size\n"), ("transposed-conv.zh.md", "## 输出尺寸\n")):
        section = (ROOT / "docs" / page).read_text(encoding="utf-8").split(heading, 1)[1].split("\n## ", 1)[0]
        assert "soumith/dcgan.torch" in section and "pytorch/examples/blob/main/dcgan" in section, page
    assert "(transposed-conv.md) has" not in (ROOT / "docs" / "pixel-shuffle.md").read_text(encoding="utf-8")
    assert "(transposed-conv.md)）" not in (ROOT / "docs" / "pixel-shuffle.zh.md").read_text(encoding="utf-8")


def test_an_even_kernel_gives_h_minus_one_times_r_pixels_and_at_one_pixel_float64_raises():
    """Review 140: "H input pixels give (H + 1)·r against (H − 1)·r output pixels (the tests check ... sizes down
    to 1×1)": at H = 1 the transposed convolution has no pixel to give, and on the CPU a float64 layer raises instead (so do
    some float32 ones, others return an empty tensor); the old test accepted either. Every even k up to 6, r = 1 … 5
    and H = 1 … 9, in float64."""
    for k, r, h in itertools.product((2, 4, 6), range(1, 6), range(1, 10)):
        x = torch.zeros(1, 1, h, h, dtype=torch.float64)
        sub_pixel = F.pixel_shuffle(F.conv2d(x, torch.zeros(r * r, 1, k, k, dtype=torch.float64), padding=k // 2), r)
        assert sub_pixel.shape[-1] == (h + 1) * r, (k, r, h)
        call = lambda: F.conv_transpose2d(  # noqa: E731
            x, torch.zeros(1, 1, r * k, r * k, dtype=torch.float64), stride=r, padding=(k // 2) * r
        )
        if h == 1:
            with pytest.raises(RuntimeError, match="too small"):
                call()
        else:
            assert call().shape[-1] == (h - 1) * r, (k, r, h)
    assert_pages_say(
        (
            "pixel-shuffle.md",
            "(at H = 1 that is none: on the CPU a float64 layer\nraises instead, as some float32 ones do;",
        ),
        (
            "pixel-shuffle.zh.md",
            "（H = 1 时后者为零：在 CPU 上，float64 的层这时会报错，部分 float32 的层也会；测试检查了",
        ),
    )
