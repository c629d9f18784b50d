"""The claims of docs/transposed-conv*.md, asserted on the values its example computes."""

import itertools

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import ROOT, assert_pages_say, run_example, run_python


@pytest.fixture(scope="module")
def ns():
    return run_example("transposed_conv.py")


def test_docs_call_it_the_gradient_of_conv2d_and_not_a_deconvolution(ns):
    doc = " ".join(nn.ConvTranspose2d.__doc__.split())
    assert "gradient of Conv2d with respect to its input" in doc
    assert "not an actual deconvolution" in doc
    assert len(ns["said"]) == 2


def test_output_size_formula_matches_torch_over_a_grid(ns):
    formula = ns["transposed_size"]
    checked = 0
    grid = itertools.product((1, 3, 6), range(1, 6), range(1, 4), range(0, 3), range(0, 3), range(1, 3))
    for size_in, kernel_size, stride, padding, output_padding, dilation in grid:
        if output_padding >= max(stride, dilation):
            continue
        expected = formula(size_in, kernel_size, stride, padding, output_padding, dilation)
        x = torch.zeros(1, 1, size_in, size_in + 1)
        w = torch.zeros(1, 1, kernel_size, kernel_size)
        kwargs = dict(stride=stride, padding=padding, output_padding=output_padding, dilation=dilation)
        if expected < 0:
            with pytest.raises(RuntimeError, match="Output size is too small"):
                F.conv_transpose2d(x, w, **kwargs)
            continue
        if expected == 0:  # torch (2.13 and 2.14) raises on some paths and returns an empty tensor on others
            continue
        out = F.conv_transpose2d(x, w, **kwargs)
        assert out.shape[-2] == expected
        assert out.shape[-1] == formula(size_in + 1, kernel_size, stride, padding, output_padding, dilation)
        checked += 1
    assert checked > 500
    assert ns["agree"] == ns["checked"] > 300


def test_dilation_never_makes_two_input_sizes_share_an_output_size():
    for kernel_size, padding, dilation in itertools.product(range(1, 5), range(0, 3), range(1, 5)):
        w = torch.zeros(1, 1, kernel_size)
        sizes = [
            F.conv1d(torch.zeros(1, 1, h), w, padding=padding, dilation=dilation).shape[-1]
            for h in range(dilation * kernel_size, 40)
        ]
        assert len(set(sizes)) == len(sizes), (kernel_size, padding, dilation)


def test_output_padding_must_be_smaller_than_stride_or_dilation():
    x, w = torch.zeros(1, 1, 4, 4), torch.zeros(1, 1, 3, 3)
    with pytest.raises(RuntimeError, match="output padding must be smaller"):
        F.conv_transpose2d(x, w, stride=2, padding=1, output_padding=2)
    # With dilation 3, output_padding 2 is allowed even at stride 2.
    assert (
        F.conv_transpose2d(x, w, stride=2, padding=1, output_padding=2, dilation=3).shape[-1]
        == (4 - 1) * 2 - 2 + 3 * 2 + 2 + 1
    )


def test_two_input_sizes_map_to_each_conv_output_and_output_padding_picks_one(ns):
    groups = {}
    for h, out in ns["conv_out"].items():
        groups.setdefault(out, []).append(h)
    assert all(len(sources) == 2 for sources in groups.values())
    assert groups[4] == [7, 8]
    assert ns["back"] == {0: 7, 1: 8}
    up = nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1)
    assert up(torch.zeros(1, 1, 4, 4), output_size=[8, 8]).shape[-2:] == (8, 8)
    assert up(torch.zeros(1, 1, 4, 4), output_size=[7, 7]).shape[-2:] == (7, 7)


@pytest.mark.parametrize("stride,padding,size", [(1, 0, 6), (2, 1, 9), (2, 1, 10), (3, 2, 11)])
def test_conv_transpose_is_the_input_gradient_of_conv(stride, padding, size):
    g = torch.Generator().manual_seed(size)
    conv = nn.Conv2d(3, 4, 3, stride=stride, padding=padding).double()
    x = torch.randn(2, 3, size, size, generator=g, dtype=torch.float64, requires_grad=True)
    y = conv(x)
    grad_y = torch.randn(y.shape, generator=g, dtype=torch.float64)
    (grad_x,) = torch.autograd.grad(y, x, grad_y)
    output_padding = size - ((y.shape[-1] - 1) * stride - 2 * padding + 3)
    transposed = F.conv_transpose2d(grad_y, conv.weight, stride=stride, padding=padding, output_padding=output_padding)
    torch.testing.assert_close(grad_x, transposed)


def test_example_gradient_matches(ns):
    assert ns["difference"] < 1e-4  # float rounding (zero on the CPU build)


def test_transposed_matrix_is_the_conv_matrix_transposed(ns):
    assert tuple(ns["conv_matrix"].shape) == (4, 16)
    torch.testing.assert_close(ns["transposed_matrix"], ns["conv_matrix"].T)


def test_each_input_pixel_stamps_a_scaled_kernel(ns):
    torch.testing.assert_close(ns["stamped"], ns["expected"])
    assert ns["expected"].abs().sum() > 0


def test_uneven_overlap_exactly_when_the_stride_does_not_divide_the_kernel():
    """Copies per interior output pixel (ones in, ones kernel): equal everywhere iff stride | kernel;
    C_in * k**2 / s**2 products per pixel on average over every s x s block of the interior. Review 54: not
    "on average over the interior": an interior whose sides are not multiples of s averages otherwise."""
    c_in = 3
    off = []
    for k, s in itertools.product(range(1, 8), range(1, 5)):
        copies = F.conv_transpose2d(
            torch.ones(1, c_in, 12, 12, dtype=torch.float64), torch.ones(c_in, 1, k, k, dtype=torch.float64), stride=s
        )
        interior = copies[0, 0, k + s : -(k + s), k + s : -(k + s)]
        assert bool(interior.min() == interior.max()) == (k % s == 0), (k, s)
        blocks = F.avg_pool2d(interior[None, None], s, stride=1)  # the mean of every s x s block, at every offset
        assert torch.equal(blocks, torch.full_like(blocks, c_in * k * k / s**2)), (k, s)
        if interior.mean().item() != c_in * k * k / s**2:
            off.append((k, s, interior.shape[-1] % s))
    assert (3, 2, 1) in off and all(k % s and rest for k, s, rest in off)  # k = 3, s = 2: a 15 x 15 interior


def test_dilation_can_make_the_overlap_uneven_even_when_the_stride_divides_the_kernel():
    """At every interior pixel C_in * k**2 / s**2 products when s | k without dilation; a dilation sharing a factor with s breaks it."""
    uneven = []
    for k, s, d in itertools.product(range(1, 7), range(1, 5), range(1, 5)):
        copies = F.conv_transpose1d(
            torch.ones(1, 1, 60, dtype=torch.float64), torch.ones(1, 1, k, dtype=torch.float64), stride=s, dilation=d
        )
        interior = copies[0, 0, d * k + s : -(d * k + s)]
        if k % s == 0 and interior.min() != interior.max():
            uneven.append((k, s, d))
        if k % s == 0 and d == 1:
            assert interior.min() == interior.max() == k / s, (k, s)
    assert (2, 2, 2) in uneven and all(d > 1 for _, _, d in uneven)


def conv_transpose_cases(x, g, kernels, strides, paddings, output_paddings, dilations):
    """Every setting torch accepts on ``x`` from the grid: (random weight, settings, torch's output)."""
    for kernel_size, stride, padding, output_padding, dilation in itertools.product(
        kernels, strides, paddings, output_paddings, dilations
    ):
        if output_padding >= max(stride, dilation):
            continue
        w = torch.randn(3, 2, kernel_size, kernel_size, generator=g, dtype=torch.float64)
        kwargs = dict(stride=stride, padding=padding, output_padding=output_padding, dilation=dilation)
        try:
            reference = F.conv_transpose2d(x, w, **kwargs)
        except RuntimeError:  # output smaller than one pixel
            continue
        yield w, kwargs, reference


def test_zero_insertion_then_convolution_equals_conv_transpose_over_a_grid(ns):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(2, 3, 5, 6, generator=g, dtype=torch.float64)
    checked = 0
    for w, kwargs, reference in conv_transpose_cases(x, g, (1, 2, 3, 4, 5), (1, 2, 3), (0, 1, 2, 4), (0, 1, 2), (1, 2)):
        torch.testing.assert_close(ns["zero_insertion_transposed"](x, w, **kwargs), reference)
        checked += 1
    assert checked > 150


@pytest.mark.parametrize("groups", [2, 3])
def test_zero_insertion_with_groups_swaps_the_channel_axes_within_each_group(ns, groups):
    """The page: with groups, the channel axes are swapped per group; the whole weight's
    axes swapped give a convolution of the wrong shape."""
    g = torch.Generator().manual_seed(0)
    c_in, c_out = 2 * groups, 3 * groups
    x = torch.randn(2, c_in, 5, 6, generator=g, dtype=torch.float64)
    for stride, padding, dilation in itertools.product((1, 2, 3), (0, 1), (1, 2)):
        w = torch.randn(c_in, c_out // groups, 3, 3, generator=g, dtype=torch.float64)
        kwargs = dict(stride=stride, padding=padding, dilation=dilation)
        reference = F.conv_transpose2d(x, w, groups=groups, **kwargs)
        per_group = torch.cat(
            [
                ns["zero_insertion_transposed"](xg, wg, **kwargs)
                for xg, wg in zip(x.chunk(groups, 1), w.chunk(groups, 0))
            ],
            dim=1,
        )
        torch.testing.assert_close(per_group, reference)
        edge = dilation * 2 - padding
        spread = torch.zeros(2, c_in, 4 * stride + 1, 5 * stride + 1, dtype=torch.float64)
        with pytest.raises(RuntimeError):
            F.conv2d(F.pad(spread, (edge,) * 4), w.flip(-2, -1).transpose(0, 1), dilation=dilation, groups=groups)


def test_example_zero_insertion_cases_agree(ns):
    x = ns["x"].cpu()
    for case in ns["cases"]:
        layer = nn.ConvTranspose2d(3, 4, bias=False, **case).double()
        rebuilt = ns["zero_insertion_transposed"](
            x, layer.weight, **{k: v for k, v in case.items() if k != "kernel_size"}
        )
        torch.testing.assert_close(rebuilt, layer(x))


def test_zero_insertion_needs_the_flip():
    # Without rotating the kernel the result differs: the flip is not decoration.
    g = torch.Generator().manual_seed(0)
    x, w = torch.randn(1, 1, 4, 4, generator=g), torch.randn(1, 1, 3, 3, generator=g)
    spread = torch.zeros(1, 1, 7, 7)
    spread[..., ::2, ::2] = x
    unflipped = F.conv2d(F.pad(spread, (1, 1, 1, 1)), w)
    assert not torch.allclose(unflipped, F.conv_transpose2d(x, w, stride=2, padding=1))


def test_common_layers_double_or_fall_one_short():
    for size in range(1, 101):
        x = torch.zeros(1, 1, size, 1)
        assert F.conv_transpose2d(x, torch.zeros(1, 1, 4, 1), stride=(2, 1), padding=(1, 0)).shape[-2] == 2 * size
        assert F.conv_transpose2d(x, torch.zeros(1, 1, 2, 1), stride=(2, 1)).shape[-2] == 2 * size
        assert F.conv_transpose2d(x, torch.zeros(1, 1, 3, 1), stride=(2, 1), padding=(1, 0)).shape[-2] == 2 * size - 1
        assert (
            F.conv_transpose2d(x, torch.zeros(1, 1, 3, 1), stride=(2, 1), padding=(1, 0), output_padding=(1, 0)).shape[
                -2
            ]
            == 2 * size
        )


def test_output_padding_adds_computed_rows_and_leaves_the_others_alone():
    g = torch.Generator().manual_seed(3)
    x, w = torch.randn(1, 1, 4, 4, generator=g), torch.randn(1, 1, 3, 3, generator=g)
    without = F.conv_transpose2d(x, w, stride=2, padding=1)
    with_padding = F.conv_transpose2d(x, w, stride=2, padding=1, output_padding=1)
    torch.testing.assert_close(with_padding[..., :7, :7], without)
    assert with_padding[..., 7, :].abs().min() > 0 and with_padding[..., :, 7].abs().min() > 0


def test_more_padding_gives_a_smaller_output():
    x, w = torch.zeros(1, 1, 8, 8), torch.zeros(1, 1, 5, 5)
    sizes = [F.conv_transpose2d(x, w, stride=2, padding=p).shape[-1] for p in range(4)]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == 4


def test_dcgan_paper_layer_doubles_every_size(ns):
    # Newmu/dcgan_code: 5x5 kernels, stride 2, output asked to be exactly 2x: padding 2, output_padding 1.
    assert dict(size_in=16, kernel_size=5, stride=2, padding=2, output_padding=1) in ns["settings"]
    w = torch.zeros(1, 1, 5, 5)
    for size in range(1, 101):
        assert (
            F.conv_transpose2d(torch.zeros(1, 1, size, 1), w, stride=2, padding=2, output_padding=1).shape[-2]
            == 2 * size
        )


@pytest.mark.parametrize("stride", range(1, 6))
def test_a_strided_conv_maps_exactly_stride_input_sizes_to_each_output(stride):
    """s input sizes per output size, fewer only for the smallest output size; dilation adds none."""
    fewer = 0
    for kernel_size, padding, dilation in itertools.product(range(1, 6), range(0, 3), range(1, 4)):
        w = torch.zeros(1, 1, kernel_size)
        groups = {}
        for size in range(1, 8 * stride + dilation * kernel_size):
            try:
                out = F.conv1d(torch.zeros(1, 1, size), w, stride=stride, padding=padding, dilation=dilation).shape[-1]
            except RuntimeError:  # the kernel does not fit
                continue
            groups.setdefault(out, []).append(size)
        smallest, largest = min(groups), max(groups)  # the largest is cut off by the range
        assert all(len(sizes) == stride for out, sizes in groups.items() if out not in (smallest, largest))
        assert len(groups[smallest]) <= stride
        fewer += len(groups[smallest]) < stride
    assert fewer > 0 or stride == 1  # the exception is met


def test_output_padding_rows_are_cropped_rows_or_the_bias_alone_over_a_grid():
    g = torch.Generator().manual_seed(1)
    checked = 0
    for kernel_size, stride, padding, output_padding, dilation in itertools.product(
        (1, 2, 3, 4), (1, 2, 3), (0, 1, 2, 3), (0, 1, 2), (1, 2, 3)
    ):
        if output_padding >= max(stride, dilation):
            continue
        x = torch.randn(1, 2, 4, 3, generator=g, dtype=torch.float64) - 0.5
        w = torch.randn(2, 3, kernel_size, kernel_size, generator=g, dtype=torch.float64)
        b = torch.randn(3, generator=g, dtype=torch.float64)
        try:
            y = F.conv_transpose2d(
                x, w, b, stride=stride, padding=padding, output_padding=output_padding, dilation=dilation
            )
        except RuntimeError:  # output smaller than one pixel
            continue
        full = F.conv_transpose2d(x, w, stride=stride, dilation=dilation)
        extra = max(0, output_padding - padding)
        full = F.pad(full, (0, extra, 0, extra))  # nothing past the full output ...
        expected = full[..., padding : padding + y.shape[-2], padding : padding + y.shape[-1]] + b.view(1, -1, 1, 1)
        torch.testing.assert_close(y, expected)
        if extra:  # ... so the last rows are the bias alone
            torch.testing.assert_close(y[..., -extra:, :], b.view(1, -1, 1, 1).expand_as(y[..., -extra:, :]))
        checked += 1
    assert checked > 200


def test_example_output_padding_rows(ns):
    bias = ns["bias"].cpu()
    torch.testing.assert_close(ns["last_rows"][0, 1].cpu(), bias.expand(10))
    torch.testing.assert_close(
        ns["last_rows"][1, 1].cpu(), ns["full"][0, 0, 8, 1:].cpu() + bias
    )  # padding 1 crops column 0
    assert (ns["last_rows"][1, 1] - bias).abs().max() > 0.1


def test_gemm_plus_fold_equals_conv_transpose_when_output_padding_is_below_stride(ns):
    g = torch.Generator().manual_seed(2)
    x = torch.randn(2, 3, 5, 4, generator=g, dtype=torch.float64)
    checked = raised = 0
    for w, kwargs, reference in conv_transpose_cases(x, g, (1, 2, 3, 4), (1, 2, 3), (0, 1, 2), (0, 1, 2), (1, 2, 3)):
        if kwargs["output_padding"] >= kwargs["stride"]:
            with pytest.raises(RuntimeError, match="sliding blocks"):
                ns["gemm_fold_transposed"](x, w, **kwargs)
            raised += 1
            continue
        torch.testing.assert_close(ns["gemm_fold_transposed"](x, w, **kwargs), reference)
        checked += 1
    assert checked > 150 and raised > 5


@pytest.mark.parametrize("c_in,c_out,k,groups", [(64, 16, 3, 1), (16, 64, 4, 1), (8, 8, 5, 2), (3, 48, 2, 3)])
def test_default_init_bound_uses_c_out_for_conv_transpose(ns, c_in, c_out, k, groups):
    torch.manual_seed(0)
    transposed = nn.ConvTranspose2d(c_in, c_out, k, groups=groups)
    conv = nn.Conv2d(c_in, c_out, k, groups=groups)
    for layer, fan_in in ((transposed, c_out // groups * k * k), (conv, c_in // groups * k * k)):
        bound = fan_in**-0.5
        largest = layer.weight.abs().max().item()
        assert 0.95 * bound < largest <= bound, type(layer).__name__
        assert layer.bias.abs().max().item() <= bound


# --- review RV-T1: the transpose undoes a convolution whose matrix is orthogonal ------------


@pytest.mark.parametrize("stride", range(1, 5))
@pytest.mark.parametrize("channels", [1, 3])
def test_conv_transpose_undoes_a_conv_whose_matrix_is_orthogonal(stride, channels):
    # kernel == stride (no overlap) and stride**2 outputs per input channel: the matrix is square,
    # and orthogonal when the (stride**2 * C) x (stride**2 * C) matrix of kernels is.
    g = torch.Generator().manual_seed(stride * 10 + channels)
    n = stride * stride * channels
    q, _ = torch.linalg.qr(torch.randn(n, n, generator=g, dtype=torch.float64))
    weight = q.reshape(n, channels, stride, stride)
    for h, w in [(stride, stride), (2 * stride, 3 * stride), (5 * stride, stride)]:
        x = torch.randn(2, channels, h, w, generator=g, dtype=torch.float64)
        torch.testing.assert_close(F.conv_transpose2d(F.conv2d(x, weight, stride=stride), weight, stride=stride), x)
    # Not orthogonal: a generic kernel of the same shape is not undone.
    generic = torch.randn(n, channels, stride, stride, generator=g, dtype=torch.float64)
    x = torch.randn(2, channels, 2 * stride, 2 * stride, generator=g, dtype=torch.float64)
    assert (F.conv_transpose2d(F.conv2d(x, generic, stride=stride), generic, stride=stride) - x).abs().max() > 0.1


def test_example_orthogonal_cases(ns):
    assert (ns["undone"] - ns["pixels"]).abs().max() < 1e-12
    assert (ns["not_undone"] - ns["pixels"]).abs().max() > 1
    torch.testing.assert_close(ns["odd_back"][..., :6, :], ns["odd"][..., :6, :])
    assert ns["odd_back"][..., 6, :].abs().max() == 0 and ns["odd"][..., 6, :].abs().max() > 0
    # Review 52: on finite values only. An inf comes back in place, and inf - inf turns the other
    # three values of its 2x2 block into NaN; a NaN takes the whole block.
    haar = ns["haar"].cpu()
    for bad in (float("inf"), float("-inf"), float("nan")):
        x = torch.randn(2, 1, 6, 8, generator=torch.Generator().manual_seed(5), dtype=torch.float64)
        x[1, 0, 3, 4] = bad
        back = F.conv_transpose2d(F.conv2d(x, haar, stride=2), haar, stride=2)
        block = torch.zeros_like(x, dtype=torch.bool)
        block[1, 0, 2:4, 4:6] = True
        if bad == bad:  # +-inf: back in place, NaN on the rest of the block
            assert back[1, 0, 3, 4].item() == bad
            block[1, 0, 3, 4] = False
        assert torch.equal(back.isnan(), block)
        torch.testing.assert_close(back[~back.isnan()], x[~back.isnan()])


@pytest.mark.parametrize("r", range(1, 5))
def test_pixel_unshuffle_is_a_one_hot_conv_and_pixel_shuffle_its_transpose(r):
    one_hot = torch.eye(r * r, dtype=torch.float64).view(r * r, 1, r, r)
    x = torch.randn(2, 1, 3 * r, 2 * r, generator=torch.Generator().manual_seed(r), dtype=torch.float64)
    assert torch.equal(F.conv2d(x, one_hot, stride=r), F.pixel_unshuffle(x, r))
    y = torch.randn(2, r * r, 3, 4, generator=torch.Generator().manual_seed(r), dtype=torch.float64)
    assert torch.equal(F.conv_transpose2d(y, one_hot, stride=r), F.pixel_shuffle(y, r))
    # Review 52: only on finite values. The convolutions also multiply by the zero taps: 0 * inf is
    # NaN, so one inf or NaN spreads NaN over its r x r block, which the shuffles only move.
    for bad in (float("inf"), float("-inf"), float("nan")):
        x_bad, y_bad = x.clone(), y.clone()
        x_bad[0, 0, r, 0] = y_bad[0, r * r - 1, 1, 1] = bad
        unshuffled, shuffled = F.pixel_unshuffle(x_bad, r), F.pixel_shuffle(y_bad, r)
        by_conv, by_transposed = F.conv2d(x_bad, one_hot, stride=r), F.conv_transpose2d(y_bad, one_hot, stride=r)
        assert unshuffled.isnan().sum() == shuffled.isnan().sum() == (bad != bad)
        assert by_conv.isnan().sum() == by_transposed.isnan().sum() == (r * r if bad != bad else r * r - 1)
        assert torch.equal(by_conv.isfinite(), unshuffled.isfinite()) == (r == 1)
        assert torch.equal(by_transposed.isfinite(), shuffled.isfinite()) == (r == 1)
    # Review 59: "its block" holds for the one-hot convolution in bfloat16 only without oneDNN: oneDNN's
    # bfloat16 convolution (on a CPU that supports it, as this AVX-512 one) turns an inf in some places
    # into NaN outside its r x r block too: at r = 2 on every AVX-512 level (ONEDNN_MAX_CPU_ISA=AVX512_CORE,
    # AVX512_CORE_BF16 or the default AMX here); at r = 3 and 4 it depends on that level, at r = 1 never.
    for onednn in (True, False):
        outside = 0
        for i, j in itertools.product(range(3 * r), range(2 * r)):
            x_bad = torch.ones(2, 1, 3 * r, 2 * r, dtype=torch.bfloat16)
            x_bad[0, 0, i, j] = float("inf")
            with torch.backends.mkldnn.flags(enabled=onednn):
                outside += F.conv2d(x_bad, one_hot.bfloat16(), stride=r).isnan().sum().item() > r * r - 1
        if not onednn or r in (1, 2):
            assert (outside > 0) == (onednn and r == 2 and torch.ops.mkldnn._is_mkldnn_bf16_supported()), (
                onednn,
                outside,
            )
    # Review 58: equal in value only. A -0.0 comes back +0.0 from both convolutions, in every
    # float dtype (float32 and bfloat16 go to oneDNN), while the shuffles keep its sign.
    # Review 60: float16 too, and a channels_last input to the transposed convolution (r * r channels); the
    # page now says "on the CPU" (cuDNN was not checked)
    for dtype, layout in itertools.product(
        (torch.float64, torch.float32, torch.bfloat16, torch.float16), (torch.contiguous_format, torch.channels_last)
    ):
        # Review 65: .clone, not .contiguous(memory_format=...), which returns this one-channel input (and
        # the one-channel r = 1 unshuffle) unchanged, so the channels_last case ran the NCHW convolution
        zeros = torch.full((2, 1, 3 * r, 2 * r), -0.0, dtype=dtype).clone(memory_format=layout)
        assert (zeros.stride(1) == 1) == (layout == torch.channels_last)
        kernels = one_hot.to(dtype)
        unshuffled = F.pixel_unshuffle(zeros, r)
        by_conv = F.conv2d(zeros, kernels, stride=r)
        assert by_conv.is_contiguous(memory_format=layout)
        assert torch.equal(by_conv, unshuffled) and unshuffled.signbit().all() and not by_conv.signbit().any()
        spread = unshuffled.clone(memory_format=layout)
        assert (spread.stride(1) == 1) == (layout == torch.channels_last)
        by_transposed = F.conv_transpose2d(spread, kernels, stride=r)
        assert F.pixel_shuffle(unshuffled, r).signbit().all() and not by_transposed.signbit().any()
    docs = ROOT / "docs"
    assert "on the CPU the convolutions\nreturn a −0.0 as +0.0" in (docs / "transposed-conv.md").read_text(
        encoding="utf-8"
    )
    assert "在 CPU 上，两个卷积会把 −0.0 算成 +0.0" in (docs / "transposed-conv.zh.md").read_text(encoding="utf-8")


# --- review RV-T2: which kernel torch runs on the CPU ---------------------------------------


def backend(x, w):
    return torch._C._select_conv_backend(x, w, None, [2, 2], [1, 1], [1, 1], True, [0, 0], 1, None)


def test_cpu_runs_the_gemm_col2im_kernel_for_float64_big_output_padding_and_small_float32():
    slow = torch._C._ConvBackend.SlowTranspose2d
    mkldnn = torch.backends.mkldnn.is_available()
    for shape, k in [((1, 3, 8, 8), 3), ((2, 3, 8, 8), 3), ((1, 3, 8, 8), 4), ((2, 16, 64, 64), 4)]:
        assert (
            backend(torch.zeros(shape, dtype=torch.float64), torch.zeros(shape[1], 4, k, k, dtype=torch.float64))
            == slow
        )
        # float16 and bfloat16 go to oneDNN only where oneDNN supports the type on this CPU
        for dtype, supported in (
            (torch.float16, torch.ops.mkldnn._is_mkldnn_fp16_supported()),
            (torch.bfloat16, torch.ops.mkldnn._is_mkldnn_bf16_supported()),
        ):
            chosen = backend(torch.zeros(shape, dtype=dtype), torch.zeros(shape[1], 4, k, k, dtype=dtype))
            assert (chosen != slow) == (mkldnn and supported), (shape, k, dtype)
    assert backend(torch.zeros(1, 3, 8, 8), torch.zeros(3, 4, 3, 3)) == slow  # a small float32 layer
    if mkldnn:  # larger float32 layers go to oneDNN, also at batch 1 with a larger kernel or input
        for x, w in [((2, 16, 64, 64), (16, 4, 4, 4)), ((1, 3, 8, 8), (3, 4, 4, 4)), ((1, 3, 100, 100), (3, 4, 3, 3))]:
            assert backend(torch.zeros(x), torch.zeros(w)) != slow
    # output_padding >= stride (allowed by the dilation) always takes the GEMM + col2im kernel
    big = torch._C._select_conv_backend(
        torch.zeros(2, 16, 64, 64), torch.zeros(16, 4, 4, 4), None, [1, 1], [1, 1], [2, 2], True, [1, 1], 1, None
    )
    assert big == slow


def test_cpu_gemm_col2im_kernel_needs_elements_and_onednn_can_be_switched_off():
    slow = torch._C._ConvBackend.SlowTranspose2d
    # a batch of 0 skips the computation: "every float64 input" holds only for inputs with elements
    empty = torch._C._ConvBackend.Empty
    assert backend(torch.zeros(0, 3, 8, 8, dtype=torch.float64), torch.zeros(3, 4, 3, 3, dtype=torch.float64)) == empty
    big = torch._C._select_conv_backend(
        torch.zeros(0, 16, 64, 64), torch.zeros(16, 4, 4, 4), None, [1, 1], [1, 1], [2, 2], True, [1, 1], 1, None
    )
    assert big == empty
    with torch.backends.mkldnn.flags(enabled=False):
        assert backend(torch.zeros(2, 16, 64, 64), torch.zeros(16, 4, 4, 4)) == slow


def test_docstring_bound_uses_c_out_for_conv_transpose():
    doc = nn.ConvTranspose2d.__doc__
    weight_doc = doc[doc.index("weight (Tensor)") : doc.index("bias (Tensor)")]
    assert r"k = \frac{groups}{C_\text{out}" in weight_doc


@pytest.mark.parametrize("c_in,c_out", [(64, 16), (16, 64), (32, 32)])
def test_default_bounds_agree_only_when_c_in_equals_c_out(c_in, c_out):
    bounds = [
        nn.init._calculate_fan_in_and_fan_out(layer(c_in, c_out, 3).weight)[0] ** -0.5
        for layer in (nn.Conv2d, nn.ConvTranspose2d)
    ]
    conv, transposed = bounds
    assert (
        (transposed > conv) == (c_out < c_in)
        and (transposed < conv) == (c_out > c_in)
        and (transposed == conv) == (c_in == c_out)
    )


@pytest.mark.skipif(not torch.backends.cudnn.is_available(), reason="a build without cuDNN")
def test_the_64_bit_indexing_fallback_applies_only_before_cudnn_9_3():
    # use_cudnn sends huge non-batch-splittable layers to cuDNN from cuDNN 9.3 (v8 API on);
    # the cuDNN this torch ships is newer, so "huge tensors fall back" would be false here
    assert torch.backends.cudnn.version() >= 90300


@pytest.mark.skipif(not torch.backends.mkldnn.is_available(), reason="a build without oneDNN")
def test_on_one_thread_large_unstrided_1x1_layers_skip_onednn():
    slow = torch._C._ConvBackend.SlowTranspose2d
    x, w = torch.zeros(2, 64, 256, 256), torch.zeros(64, 64, 1, 1)  # 8 million values: not a small layer
    threads = torch.get_num_threads()
    try:
        torch.set_num_threads(1)
        assert backend_at(x, w, 1) == slow
        assert backend_at(x, w, 2) != slow and backend_at(torch.zeros(16, 64, 32, 32), w, 1) != slow
        torch.set_num_threads(2)
        assert backend_at(x, w, 1) != slow
    finally:
        torch.set_num_threads(threads)


def backend_at(x, w, stride):
    return torch._C._select_conv_backend(x, w, None, [stride, stride], [0, 0], [1, 1], True, [0, 0], 1, None)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_sends_a_batch_of_0_to_no_kernel_and_other_layers_to_cudnn():
    # Review 8: "CUDA builds hand the layer to cuDNN" holds only for inputs with elements.
    def chosen(batch):
        x = torch.zeros(batch, 16, 8, 8, device="cuda")
        return backend(x, torch.zeros(16, 4, 4, 4, device="cuda"))

    assert chosen(0) == torch._C._ConvBackend.Empty
    if torch.backends.cudnn.is_available():
        assert chosen(2) == torch._C._ConvBackend.CudnnTranspose


def test_bfloat16_goes_to_onednn_with_avx512_even_without_bfloat16_instructions():
    # AVX512_CORE is AVX-512 without avx512_bf16: oneDNN still takes bfloat16 layers there
    if not torch.backends.mkldnn.is_available() or "avx512bw" not in open("/proc/cpuinfo").read():
        pytest.skip("needs oneDNN and an AVX-512 CPU")
    code = (
        "import torch\n"
        "x = torch.zeros(2, 16, 64, 64, dtype=torch.bfloat16); w = torch.zeros(16, 4, 4, 4, dtype=torch.bfloat16)\n"
        "b = torch._C._select_conv_backend(x, w, None, [2, 2], [1, 1], [1, 1], True, [0, 0], 1, None)\n"
        "print(torch.ops.mkldnn._is_mkldnn_bf16_supported(), b == torch._C._ConvBackend.SlowTranspose2d)\n"
    )
    assert run_python(code, ONEDNN_MAX_CPU_ISA="AVX512_CORE").split() == ["True", "False"]


@pytest.mark.skipif(
    not torch.cuda.is_available() or not torch.backends.cudnn.is_available(), reason="needs CUDA and cuDNN"
)
def test_deterministic_mode_no_longer_sends_dilated_layers_to_the_fallback():
    # Review 23: pytorch/pytorch#154292 (2025) removed use_cudnn's "deterministic && is_dilated"
    # check, so a dilated layer goes to cuDNN in deterministic mode, in float32 and float64 and
    # in either layout (review 15's float64 channels_last fallback was the old check).
    def chosen(dtype, memory_format):
        x = torch.zeros(2, 16, 8, 8, device="cuda", dtype=dtype).contiguous(memory_format=memory_format)
        w = torch.zeros(16, 4, 3, 3, device="cuda", dtype=dtype).contiguous(memory_format=memory_format)
        return torch._C._select_conv_backend(x, w, None, [2, 2], [1, 1], [2, 2], True, [0, 0], 1, None)

    before = torch.backends.cudnn.deterministic
    try:
        torch.backends.cudnn.deterministic = True
        for dtype in (torch.float32, torch.float64):
            for memory_format in (torch.contiguous_format, torch.channels_last):
                assert chosen(dtype, memory_format) == torch._C._ConvBackend.CudnnTranspose, (dtype, memory_format)
    finally:
        torch.backends.cudnn.deterministic = before


@pytest.mark.parametrize("example", ["transposed_conv.py", "pixel_shuffle.py"])
def test_the_setup_comment_keeps_the_tf32_conditions_of_the_page(example):
    """Review 42: the folded setup cells said "on CUDA, convolutions default to TF32", dropping the
    page's two conditions: TF32 rounds only float32 convolutions, and only on Ampere or newer GPUs
    (the flag is on in every build, so that alone does not say where it acts)."""
    from pathlib import Path

    assert torch.backends.cudnn.allow_tf32  # the default the comment names
    root = Path(__file__).resolve().parents[2]
    source = (root / "examples" / example).read_text(encoding="utf-8")
    setup = " ".join(word for word in source[source.index("# %% setup") :].split("# %%", 2)[1].split() if word != "#")
    assert "Ampere or newer GPU, float32 convolutions may run in TF32 by default" in setup
    # r44: "default to TF32" / "run in TF32 by default" promised what the flag only allows: cuDNN
    # picks the algorithm, and the pages now say PyTorch lets cuDNN use TF32
    assert "default to TF32" not in setup
    for page in ("transposed-conv", "pixel-shuffle"):
        en = " ".join((root / "docs" / f"{page}.md").read_text(encoding="utf-8").split())
        zh = (root / "docs" / f"{page}.zh.md").read_text(encoding="utf-8")
        assert "float32 convolutions run in TF32" not in en and "lets cuDNN run float32 convolutions in TF32" in en
        assert "卷积默认走 TF32" not in zh and "默认允许 cuDNN 用 TF32 计算 float32 卷积" in zh


def test_an_output_of_no_pixels_raises_only_on_torchs_own_kernel_and_a_batch_of_0_skips_the_checks(ns):
    """Review 52: "torch refuses larger values" holds only for inputs with elements, and a size of 0
    is refused by the GEMM + col2im kernel but returned empty by oneDNN."""
    formula = ns["transposed_size"]
    # kernel 2, stride 2 on 2 pixels: padding 2 gives a size of 0, padding 3 a negative one
    for dtype in (torch.float32, torch.float64, torch.bfloat16, torch.float16):
        for batch, channels in ((1, 1), (16, 16)):
            x, w = torch.randn(batch, channels, 2, 2, dtype=dtype), torch.randn(channels, channels, 2, 2, dtype=dtype)
            slow = (
                torch._C._select_conv_backend(x, w, None, [2, 2], [2, 2], [1, 1], True, [0, 0], 1, None)
                == torch._C._ConvBackend.SlowTranspose2d
            )
            if slow:
                with pytest.raises(RuntimeError, match="Output size is too small"):
                    F.conv_transpose2d(x, w, stride=2, padding=2)
            else:
                assert F.conv_transpose2d(x, w, stride=2, padding=2).shape == (batch, channels, 0, 0)
            with pytest.raises(RuntimeError):
                F.conv_transpose2d(x, w, stride=2, padding=3)
        # a batch of 0 reaches no kernel: the size-0 output and output_padding >= stride both pass
        empty, w = torch.zeros(0, 2, 4, 4, dtype=dtype), torch.zeros(2, 3, 3, 3, dtype=dtype)
        assert F.conv_transpose2d(empty[..., :2, :2], w[..., :2, :2], stride=2, padding=2).shape == (0, 3, 0, 0)
        for output_padding in (2, 3):
            out = F.conv_transpose2d(empty, w, stride=2, padding=1, output_padding=output_padding)
            assert out.shape[-1] == formula(4, 3, 2, 1, output_padding) == 7 + output_padding
            with pytest.raises(RuntimeError, match="output padding must be smaller"):
                F.conv_transpose2d(
                    torch.zeros(1, 2, 4, 4, dtype=dtype), w, stride=2, padding=1, output_padding=output_padding
                )
        with pytest.raises(RuntimeError):
            F.conv_transpose2d(empty[..., :2, :2], w[..., :2, :2], stride=2, padding=3)
    if torch.backends.mkldnn.is_available():  # the empty answer is oneDNN's: float32 layers that go there
        x = torch.randn(16, 16, 2, 2)
        assert F.conv_transpose2d(x, torch.randn(16, 16, 2, 2), stride=2, padding=2).shape == (16, 16, 0, 0)
        with torch.backends.mkldnn.flags(enabled=False), pytest.raises(RuntimeError, match="Output size is too small"):
            F.conv_transpose2d(x, torch.randn(16, 16, 2, 2), stride=2, padding=2)


def test_jax_conv_transpose_is_a_zero_inserting_conv_that_flips_and_swaps_only_when_asked():
    """Review 52: the page's sentence on jax.lax.conv_transpose had no test. Its jaxpr is one
    conv_general_dilated with lhs_dilation=strides and unit window strides; transpose_kernel=True adds
    the flip (rev over the spatial axes) and the channel swap, and then it computes ConvTranspose2d."""
    jax = pytest.importorskip("jax")
    np = pytest.importorskip("numpy")
    from jax import lax

    numbers = ("NCHW", "OIHW", "NCHW")
    for transpose_kernel in (False, True):
        weight = np.zeros((3, 3, 3, 3), np.float32)
        jaxpr = jax.make_jaxpr(
            lambda a, b: lax.conv_transpose(
                a, b, (2, 3), "SAME", dimension_numbers=numbers, transpose_kernel=transpose_kernel
            )  # noqa: B023
        )(np.zeros((1, 3, 5, 6), np.float32), weight).jaxpr
        primitives = [str(eqn.primitive) for eqn in jaxpr.eqns]
        conv = jaxpr.eqns[-1]
        assert primitives == (["rev", "rev", "transpose"] if transpose_kernel else []) + ["conv_general_dilated"]
        assert conv.params["lhs_dilation"] == (2, 3) and conv.params["window_strides"] == (1, 1)
        if transpose_kernel:
            assert sorted(d for eqn in jaxpr.eqns[:2] for d in eqn.params["dimensions"]) == [2, 3]
            assert jaxpr.eqns[2].params["permutation"] == (1, 0, 2, 3)
    with jax.enable_x64(True):
        x = torch.randn(2, 3, 5, 6, dtype=torch.float64)
        for k, s, p, op, d in ((4, 2, 1, 0, 1), (3, 2, 1, 1, 1), (5, 3, 2, 2, 1), (3, 2, 3, 0, 2), (2, 1, 0, 1, 2)):
            w = torch.randn(3, 4, k, k, dtype=torch.float64)
            reference = F.conv_transpose2d(x, w, stride=s, padding=p, output_padding=op, dilation=d).numpy()
            edge = d * (k - 1) - p  # the zero-insertion page's step 2, given to jax as its padding
            kwargs = dict(
                strides=(s, s), padding=[(edge, edge + op)] * 2, rhs_dilation=(d, d), dimension_numbers=numbers
            )
            out = np.asarray(lax.conv_transpose(x.numpy(), w.numpy(), transpose_kernel=True, **kwargs))
            assert out.shape == reference.shape and np.abs(out - reference).max() < 1e-12, (k, s, p, op, d)
            unflipped = np.asarray(lax.conv_transpose(x.numpy(), w.transpose(0, 1).numpy(), **kwargs))
            assert np.abs(unflipped - reference).max() > 1e-3, (k, s, p, op, d)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_a_batch_of_0_returns_sizes_down_to_0_and_raises_on_every_negative_one(ns, dtype):
    """Review 56: the page said a batch of 0 skips the checks and "comes back with the formula's size,
    0 included", without saying that a negative size still raises there (in one dimension or both)."""
    w = torch.zeros(2, 3, 2, 2, dtype=dtype)
    returned = raised = 0
    for size_h, size_w, padding_h, padding_w in itertools.product((1, 2, 3), (1, 2, 3), range(4), range(4)):
        x = torch.zeros(0, 2, size_h, size_w, dtype=dtype)
        sizes = [ns["transposed_size"](s, 2, 2, p) for s, p in ((size_h, padding_h), (size_w, padding_w))]
        if min(sizes) < 0:
            with pytest.raises(RuntimeError):
                F.conv_transpose2d(x, w, stride=2, padding=(padding_h, padding_w))
            raised += 1
        else:
            assert F.conv_transpose2d(x, w, stride=2, padding=(padding_h, padding_w)).shape == (0, 3, *sizes)
            returned += 1
    assert raised > 20 and returned > 20
    page, page_zh = (
        (ROOT / "docs" / name).read_text(encoding="utf-8") for name in ("transposed-conv.md", "transposed-conv.zh.md")
    )
    assert "0 included; a negative size raises there too." in page
    assert "包括 0；尺寸为负时这里同样报错。" in page_zh


@pytest.mark.parametrize("batch", [2, 16])
def test_nnpack_turns_values_outside_the_block_into_nan_in_the_float32_one_hot_convolution(batch):
    # Review 71: the page named only oneDNN's bfloat16 convolution as spreading NaN outside the r x r block.
    # With oneDNN disabled, torch runs a float32 Conv2d of a batch of 16 or more with NNPACK, whose fast
    # algorithm turns an inf at r = 1 (a block of one pixel, where the slow path keeps the inf) into NaN over
    # the whole map; with NNPACK disabled, or a batch of 2, it does not. At r >= 2 (strided) it stays in the block.
    for r in range(1, 5):
        one_hot = torch.eye(r * r).view(r * r, 1, r, r)
        for i, j in [(0, 0), (3 * r - 1, 2 * r - 1), (r, 0), (1, 2 * r - 1), (3 * r // 2, r)]:  # corners, edges, inside
            x = torch.randn(batch, 1, 3 * r, 2 * r, generator=torch.Generator().manual_seed(i * 7 + j))
            x[0, 0, i, j] = float("inf")
            nans = {}
            for nnpack in (True, False):
                with torch.backends.mkldnn.flags(enabled=False), torch.backends.nnpack.flags(nnpack):
                    nans[nnpack] = F.conv2d(x, one_hot, stride=r).isnan().sum().item()
            assert nans[False] == r * r - 1
            spreads = r == 1 and batch == 16 and torch.backends.nnpack.is_available()
            assert (nans[True] > r * r - 1) == spreads, (r, i, j, nans)
    assert "so can NNPACK, which runs it in float32 at r = 1 for a batch of 16\nwhen oneDNN is disabled" in (
        ROOT / "docs" / "transposed-conv.md"
    ).read_text(encoding="utf-8")
    assert "关掉 oneDNN 后，float32、r = 1、batch 为 16 的 one-hot 卷积交给 NNPACK 执行，也会把块外的值变成 NaN" in (
        ROOT / "docs" / "transposed-conv.zh.md"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize("stride", range(1, 4))
@pytest.mark.parametrize("copies", [2, 3])
@pytest.mark.parametrize("channels", [1, 2])
def test_the_transpose_undoes_a_taller_than_wide_conv_with_orthonormal_columns(stride, copies, channels):
    """The page said the transpose undoes a convolution 'only when the matrix is orthogonal' and this one
    fails because 'the matrix is not square'; a convolution with copies * stride**2 output channels per
    input channel has a matrix copies times as tall as wide, and with orthonormal columns its
    transposed convolution returns the input. The generic kernel of that shape does not."""
    g = torch.Generator().manual_seed(100 * stride + 10 * copies + channels)
    n = stride * stride * channels
    q, _ = torch.linalg.qr(torch.randn(copies * n, n, generator=g, dtype=torch.float64))  # orthonormal columns
    weight = q.reshape(copies * n, channels, stride, stride)
    x = torch.randn(2, channels, 2 * stride, 3 * stride, generator=g, dtype=torch.float64)
    y = F.conv2d(x, weight, stride=stride)
    assert y[0].numel() == copies * x[0].numel()  # the matrix is not square
    torch.testing.assert_close(F.conv_transpose2d(y, weight, stride=stride), x)
    generic = torch.randn_like(weight)
    assert (F.conv_transpose2d(F.conv2d(x, generic, stride=stride), generic, stride=stride) - x).abs().max() > 0.1
    # The page's example: the four Haar kernels twice over, each divided by sqrt(2).
    haar = torch.tensor(
        [[[1, 1], [1, 1]], [[1, 1], [-1, -1]], [[1, -1], [1, -1]], [[1, -1], [-1, 1]]], dtype=torch.float64
    )
    twice = torch.cat([haar, haar]).unsqueeze(1) / 2 / 2**0.5
    pixels = torch.randn(2, 1, 6, 8, generator=g, dtype=torch.float64)
    torch.testing.assert_close(F.conv_transpose2d(F.conv2d(pixels, twice, stride=2), twice, stride=2), pixels)
    assert_pages_say(
        (
            "transposed-conv.md",
            "a convolution whose matrix has orthonormal columns (an orthogonal matrix, or a taller one)",
        ),
        ("transposed-conv.md", "a matrix taller than wide can have them too, and is undone without being square"),
        ("transposed-conv.zh.md", "如果卷积矩阵的各列标准正交（正交矩阵，或者行数多于列数的矩阵）"),
        ("transposed-conv.zh.md", "行数多于列数的矩阵也可以满足这一点，不是方阵照样能被还原"),
    )
    docstring = (ROOT / "examples" / "transposed_conv.py").read_text(encoding="utf-8").split('"""')[1]
    assert "only when that matrix is orthogonal" not in docstring
    assert "exactly when that matrix's columns are orthonormal" in docstring


def test_the_examples_docstring_swaps_the_channel_axes_in_the_zero_insertion_rule():
    """Review r132-6: the example's docstring (its notebook's first cell) said ConvTranspose2d is zeros inserted
    "followed by an ordinary convolution with the kernel rotated by 180 degrees", the rule the page (step 3) and
    the cell's comment give with the kernel's input and output channel axes swapped too. Rotated alone, a
    (C_in, C_out, k, k) weight reads as C_in output channels from C_out inputs: a shape error when C_in != C_out,
    and another function when they agree (more than one channel); rotated and swapped, it is the layer."""
    from helpers import docstring_of

    g = torch.Generator().manual_seed(0)
    for c_in, c_out, stride, padding in itertools.product((1, 2, 3), (1, 2, 4), (1, 2, 3), (0, 1, 2)):
        x = torch.randn(2, c_in, 5, 4, generator=g, dtype=torch.float64)
        w = torch.randn(c_in, c_out, 3, 3, generator=g, dtype=torch.float64)
        reference = F.conv_transpose2d(x, w, stride=stride, padding=padding)
        spread = x.new_zeros(2, c_in, 4 * stride + 1, 3 * stride + 1)
        spread[..., ::stride, ::stride] = x
        padded = F.pad(spread, (2 - padding,) * 4)
        torch.testing.assert_close(F.conv2d(padded, w.flip(-2, -1).transpose(0, 1)), reference)
        if c_in != c_out:
            with pytest.raises(RuntimeError):
                F.conv2d(padded, w.flip(-2, -1))
        elif c_in > 1:
            assert not torch.allclose(F.conv2d(padded, w.flip(-2, -1)), reference)
    doc = docstring_of((ROOT / "examples" / "transposed_conv.py").read_text(encoding="utf-8"))
    assert (
        "an ordinary convolution with the kernel rotated by 180 degrees and its input and output channel axes"
        " swapped (within each group)" in doc
    )
    assert_pages_say(
        ("transposed-conv.md", "using the kernel rotated by 180° and with its input and output channel axes swapped"),
        ("transposed-conv.zh.md", "卷积核旋转 180°，并交换其输入、输出通道两个维度"),
    )


def test_the_overlap_table_link_lands_on_the_section_that_holds_the_table():
    """Review 140: "(the [checkerboard page](checkerboard.md)'s overlap table)" opened at that page's top; the
    table is the overlap_table cell of its section "Uneven overlap" (不均匀的重叠)."""
    assert_pages_say(
        ("transposed-conv.md", "[checkerboard page](checkerboard.md#uneven-overlap)'s overlap table"),
        ("transposed-conv.zh.md", "（见[棋盘格一页](checkerboard.md#不均匀的重叠)的重叠表）"),
    )
    for page, heading in (("checkerboard.md", "## Uneven overlap\n"), ("checkerboard.zh.md", "## 不均匀的重叠\n")):
        section = (ROOT / "docs" / page).read_text(encoding="utf-8").split(heading, 1)[1].split("\n## ", 1)[0]
        assert "::: example checkerboard.py#overlap_table" in section, page
    for page in ("transposed-conv.md", "transposed-conv.zh.md"):
        assert "](checkerboard.md)的重叠表" not in (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "](checkerboard.md)'s overlap table" not in (ROOT / "docs" / page).read_text(encoding="utf-8")
