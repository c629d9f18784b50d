"""The claims of docs/pooling-details*.md, asserted on the values its example computes."""

import itertools
import math

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import ROOT, assert_pages_say, run_example
from sitegen.cells import parse_script


@pytest.fixture(scope="module")
def ns():
    return run_example("pooling_details.py")


def test_ceil_mode_adds_the_partial_windows():
    x = torch.arange(25.0).view(1, 1, 5, 5)
    assert torch.equal(nn.MaxPool2d(2)(x)[0, 0], torch.tensor([[6.0, 8.0], [16.0, 18.0]]))
    assert torch.equal(
        nn.MaxPool2d(2, ceil_mode=True)(x)[0, 0],
        torch.tensor([[6.0, 8.0, 9.0], [16.0, 18.0, 19.0], [21.0, 23.0, 24.0]]),
    )


def test_ceil_mode_drops_a_window_that_would_start_in_the_padding():
    x = torch.zeros(1, 1, 5, 5)
    assert nn.MaxPool2d(2, 2, padding=1, ceil_mode=True)(x).shape[-1] == 3
    assert math.ceil((5 + 2 * 1 - 2) / 2) + 1 == 4  # what the formula gives without that rule


def test_max_pool_pads_with_minus_infinity(ns):
    negative, pooled = ns["negative"], ns["pooled"]
    assert (pooled < 0).all() and (ns["zero_padded"][0, 0, 0] == 0).all()
    padded = F.pad(negative, (1, 1, 1, 1), value=-math.inf)
    torch.testing.assert_close(pooled, F.max_pool2d(padded, 3, stride=1))


def test_integer_max_pool_pads_with_the_dtypes_smallest_value():
    """Not -inf for integers: on the CPU an empty dilated window returns the dtype's minimum (0 for uint8)."""
    for dtype in (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64):
        for memory_format in (torch.contiguous_format, torch.channels_last):
            x = torch.ones(1, 2, 2, 2, dtype=dtype).contiguous(memory_format=memory_format)
            out = nn.MaxPool2d(2, stride=1, padding=1, dilation=3)(x)
            assert out.flatten().tolist() == [torch.iinfo(dtype).min] * 2
            # and it never wins where a window holds an input pixel, even an input at the minimum
            low = torch.full((1, 2, 3, 3), torch.iinfo(dtype).min, dtype=dtype).contiguous(memory_format=memory_format)
            assert nn.MaxPool2d(3, stride=1, padding=1, return_indices=True)(low)[1].lt(9).all()


def test_integer_window_is_printed(ns):
    assert ns["integer_window"].dtype == torch.int64 and ns["integer_window"].flatten().tolist() == [
        torch.iinfo(torch.int64).min
    ]


def test_padding_wins_only_where_a_dilated_window_holds_no_input_pixel(ns):
    """-inf padding never wins in a window that holds an input pixel; a dilated window can hold none."""
    assert ns["padding_only"].flatten().tolist() == [-math.inf]
    assert ns["padding_index"].flatten().tolist()[0] >= 4  # outside the 2x2 plane

    def empty(n_out, size, kernel, stride, padding, dilation):  # windows whose taps all miss [0, size)
        return [all(not 0 <= o * stride - padding + j * dilation < size for j in range(kernel)) for o in range(n_out)]

    found = outside_plane = 0
    for size, kernel, stride, dilation, ceil_mode in itertools.product(
        range(1, 9), range(1, 5), range(1, 4), range(1, 5), (False, True)
    ):
        for padding in range(kernel // 2 + 1):
            x = -1 - torch.rand(1, 1, size + 1, size, generator=torch.Generator().manual_seed(size))
            try:
                y, index = (
                    t[0, 0]
                    for t in F.max_pool2d(
                        x, kernel, stride, padding, dilation, ceil_mode=ceil_mode, return_indices=True
                    )
                )
            except RuntimeError:  # output too small
                continue
            rows = torch.tensor(empty(y.shape[0], size + 1, kernel, stride, padding, dilation))
            cols = torch.tensor(empty(y.shape[1], size, kernel, stride, padding, dilation))
            assert torch.equal(y == -math.inf, rows[:, None] | cols[None, :]), (
                size,
                kernel,
                stride,
                padding,
                dilation,
                ceil_mode,
            )
            assert dilation > 1 or not (y == -math.inf).any()
            outside_plane += int(((index >= x.numel()) & (y == -math.inf)).sum())
            found += int((y == -math.inf).sum())
    assert (
        found > outside_plane > 0
    )  # such an index can fall outside the plane, or inside it on a pixel the window skips


def test_two_padding_checks_and_the_binding_one_ignores_dilation():
    """pooling_output_shape allows half the dilated kernel; pool2d_shape_check then allows half the kernel."""
    first, second = "at most half of effective kernel size", "smaller than or equal to half of kernel size"
    for kernel, padding, dilation in itertools.product(range(1, 5), range(0, 5), range(1, 4)):
        effective = dilation * (kernel - 1) + 1
        if padding <= kernel // 2:
            F.max_pool2d(torch.zeros(1, 1, 20, 20), kernel, 1, padding, dilation)
            continue
        with pytest.raises(RuntimeError, match=first if padding > effective // 2 else second):
            F.max_pool2d(torch.zeros(1, 1, 20, 20), kernel, 1, padding, dilation)
    # the case on the page passes the first check (4 // 2 = 2) and fails the second
    with pytest.raises(RuntimeError, match=second):
        F.max_pool2d(torch.zeros(1, 1, 8, 8), 2, 1, 2, 3)


def test_padding_limit_ignores_dilation():
    for kernel, padding, dilation in itertools.product(range(1, 5), range(0, 4), range(1, 4)):
        try:
            F.max_pool2d(torch.zeros(1, 1, 20, 20), kernel, 1, padding, dilation)
            allowed = True
        except RuntimeError:
            allowed = False
        assert allowed == (padding <= kernel // 2), (kernel, padding, dilation)
    with pytest.raises(RuntimeError, match="effective kernel size"):
        F.max_pool2d(torch.zeros(1, 1, 8, 8), 3, 1, 2)
    # kernel 2 with dilation 3 spans 4 pixels, yet padding 2 is refused
    with pytest.raises(RuntimeError):
        F.max_pool2d(torch.zeros(1, 1, 8, 8), 2, 1, 2, 3)


def test_count_include_pad():
    ones = torch.ones(1, 1, 4, 4)
    included = nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=True)(ones)[0, 0]
    excluded = nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)(ones)[0, 0]
    assert included[0, 0].item() == pytest.approx(4 / 9) and included[0, 1].item() == pytest.approx(6 / 9)
    assert included[1, 1].item() == pytest.approx(1)
    assert torch.equal(excluded, torch.ones(4, 4))
    override = nn.AvgPool2d(3, 1, 1, count_include_pad=False, divisor_override=9)(ones)[0, 0]
    torch.testing.assert_close(override, included)
    assert nn.AvgPool2d(3, stride=1, padding=1)(ones)[0, 0, 0, 0].item() == pytest.approx(4 / 9)  # True is the default


def test_ceil_mode_window_past_the_padding_is_not_counted():
    out = nn.AvgPool2d(2, ceil_mode=True, count_include_pad=True)(torch.ones(1, 1, 3, 3))
    assert torch.equal(out[0, 0], torch.ones(2, 2))
    # The rule with padding: the divisor is the part of the window inside the input and the
    # padding, so padding pixels count and the part past the padding does not.
    g = torch.Generator().manual_seed(6)
    hanging = 0
    for size, kernel, stride, padding in itertools.product(range(1, 8), range(1, 5), range(1, 4), range(0, 3)):
        if padding > kernel // 2:
            continue
        x = torch.randn(1, 1, size, size, generator=g, dtype=torch.float64)
        try:
            out = F.avg_pool2d(x, kernel, stride, padding, ceil_mode=True, count_include_pad=True)
        except RuntimeError:  # no output pixel
            continue
        padded = F.pad(x, (padding,) * 4)
        for i, j in itertools.product(range(out.shape[-2]), range(out.shape[-1])):
            window = padded[0, 0, i * stride : i * stride + kernel, j * stride : j * stride + kernel]
            assert out[0, 0, i, j].item() == pytest.approx(window.sum().item() / window.numel()), (
                size,
                kernel,
                stride,
                padding,
            )
            hanging += window.numel() < kernel * kernel
    assert hanging > 50  # the sweep met windows that hang past the padding


def test_unpool_puts_maxima_back(ns):
    x, values, indices = ns["sample"], *nn.MaxPool2d(2, return_indices=True)(ns["sample"])
    restored = ns["restored"]
    assert indices.flatten().tolist() == [1, 6, 13, 15]
    assert torch.equal(x.flatten()[indices.flatten()], values.flatten())  # flat indices into H*W
    assert torch.equal(restored[restored != 0], x[restored != 0])
    assert int((restored != 0).sum()) == 4
    assert torch.equal(nn.MaxPool2d(2)(restored), values)
    assert sum(p.numel() for p in ns["unpool"].parameters()) == 0


def test_pooling_the_unpooled_map_again_gives_max_with_zero(ns):
    """The page's counterexample, and the rule over signed inputs, sizes and kernels: windows that
    tile the map give max(v, 0) when they hold more than one pixel, and v when they hold one."""
    assert (ns["below_values"] < 0).all() and torch.equal(ns["repooled"], torch.zeros_like(ns["below_values"]))
    generator = torch.Generator().manual_seed(4)
    signs = set()
    for kernel, blocks in itertools.product(((1, 1), (1, 2), (2, 1), (2, 2), (3, 3), (4, 2)), (1, 2, 5)):
        x = torch.randn(4, 3, kernel[0] * blocks, kernel[1] * blocks, generator=generator) - 1.5
        values, indices = F.max_pool2d(x, kernel, return_indices=True)
        again = F.max_pool2d(F.max_unpool2d(values, indices, kernel), kernel)
        assert torch.equal(again, values if kernel == (1, 1) else values.clamp(min=0)), kernel
        assert kernel != (1, 1) or (values < 0).any()  # where max(v, 0) fails for 1-pixel windows
        signs |= set(values.sign().flatten().tolist())
    assert signs == {-1.0, 1.0}  # the sweep met windows the zeros win, and windows they do not


def test_a_zero_wins_only_in_a_window_with_a_pixel_that_received_no_maximum(ns):
    """The exact rule, over kernels, strides (overlapping or not), padding and ceil_mode: v where
    every input pixel of the window received a maximum, max(v, 0) elsewhere."""
    generator = torch.Generator().manual_seed(5)
    kept_negative = 0
    for kernel, stride, padding, ceil_mode, size in itertools.product(
        (1, 2, 3), (1, 2, 3), (0, 1), (False, True), (3, 5, 6)
    ):
        if padding > kernel // 2:
            continue
        for x in (
            torch.randn(2, 3, size, size, generator=generator) - 1.5,
            -1 - torch.arange(float(size * size)).view(1, 1, size, size),
        ):
            values, indices = F.max_pool2d(x, kernel, stride, padding, ceil_mode=ceil_mode, return_indices=True)
            unpooled = F.max_unpool2d(values, indices, kernel, stride, padding, output_size=x.shape[-2:])
            again = F.max_pool2d(unpooled, kernel, stride, padding, ceil_mode=ceil_mode)
            received = F.max_unpool2d(
                torch.ones_like(values), indices, kernel, stride, padding, output_size=x.shape[-2:]
            )
            full = (
                -F.max_pool2d(-received, kernel, stride, padding, ceil_mode=ceil_mode) == 1
            )  # padding is -inf, never the min
            assert torch.equal(again, torch.where(full, values, values.clamp(min=0))), (
                kernel,
                stride,
                padding,
                ceil_mode,
                size,
            )
            kept_negative += int((full & (values < 0)).sum())
    assert kept_negative > 0  # the sweep met windows where max(v, 0) fails
    # the page's two counterexamples: the negative maximum comes back where max(v, 0) would be 0
    for once, twice in ns["full_windows"].values():
        assert (once < 0).all() and (twice != once.clamp(min=0)).sum() == 1 and (twice == once).sum() == 1


def test_unpool_odd_sizes_need_output_size(ns):
    ramp, pool, unpool = ns["ramp"], ns["pool"], ns["unpool"]
    # on CUDA an out-of-range index is a device-side assert: the cell must run on the CPU
    assert ramp.device.type == "cpu" and ns["right"].device.type == "cpu"
    values, indices = pool(ramp)
    assert indices.flatten().tolist() == [6, 8, 16, 18]
    assert len(indices[indices >= 16]) == 2  # "two indices lie outside a 4x4 plane"
    with pytest.raises(RuntimeError, match="invalid max index"):
        unpool(values, indices)
    right = unpool(values, indices, output_size=(5, 5))
    assert right.shape[-2:] == (5, 5) and torch.equal(right[right != 0], ramp[right != 0])
    values, indices = pool(24 - ramp)
    wrong = unpool(values, indices)  # no error, but the 5-wide indices land in a 4-wide grid
    right = unpool(values, indices, output_size=(5, 5))
    assert wrong.shape[-2:] == (4, 4) and not torch.equal(wrong, right[..., :4, :4])


def test_out_of_range_unpool_never_reaches_the_build_device():
    """On CUDA the failing call would be a device-side assert that ends the build (finding P3)."""
    cells = {cell.name: cell.source for cell in parse_script(ROOT / "examples" / "pooling_details.py").cells}
    code = "\n".join(line.split("#")[0] for line in cells["unpool_odd"].splitlines())
    assert "device" not in code and "cuda" not in code
    # Review 63: the shown comment said the assert "ends the process instead of raising an error that can be
    # caught"; the page says what happens: the error surfaces at a later synchronising call (a RuntimeError,
    # as any CUDA error) and leaves the CUDA context unusable, so the process has to end.
    comment = " ".join(line.strip("# ") for line in cells["unpool_odd"].splitlines() if line.startswith("#"))
    assert "instead of raising an error" not in comment
    assert "surfaces only at a later synchronising call and leaves the CUDA context unusable" in comment
    page = " ".join((ROOT / "docs" / "pooling-details.md").read_text(encoding="utf-8").split())
    assert "the failure surfaces later, at some synchronising call" in page


def test_unpool_picture_is_sparse(ns):
    unpooled, image = ns["panels"]["MaxUnpool2d(4)"], ns["image"]
    assert int((unpooled != 0).sum()) == image.numel() // 16
    assert torch.equal(unpooled[unpooled != 0], image[unpooled != 0])


def test_output_size_formula_matches_torch_over_a_grid(ns):
    formula = ns["pool_output_size"]
    grid = itertools.product(range(1, 13), range(1, 6), range(1, 5), range(0, 4), range(1, 4), (False, True))
    compared = 0
    for size, kernel, stride, padding, dilation, ceil_mode in grid:
        layers = [nn.MaxPool2d(kernel, stride, padding, dilation, ceil_mode=ceil_mode)]
        if dilation == 1:
            layers.append(nn.AvgPool2d(kernel, stride, padding, ceil_mode=ceil_mode))
        try:
            expected = formula(size, kernel, stride, padding, dilation, ceil_mode)
        except ValueError:
            expected = None
        for layer in layers:
            try:
                actual = layer(torch.zeros(1, 1, size, size)).shape[-1]
            except RuntimeError:
                actual = None
            assert expected == actual, (type(layer).__name__, size, kernel, stride, padding, dilation, ceil_mode)
            if actual is not None:  # no window starts past the last input pixel
                assert (actual - 1) * stride - padding < size, (size, kernel, stride, padding, dilation, ceil_mode)
            compared += 1
    assert compared > 5000


def test_example_grid_found_no_mismatch(ns):
    assert ns["mismatches"] == 0 and ns["checked"] == 2304


def test_zero_padding_zeroes_every_border_value_at_stride_1_not_at_stride_2():
    # Review 14: "every value on the border" holds for the page's MaxPool2d(3, stride=1, padding=1).
    negative = -1 - torch.rand(1, 1, 4, 4)
    padded = F.pad(negative, (1, 1, 1, 1))
    at_1, at_2 = F.max_pool2d(padded, 3, stride=1), F.max_pool2d(padded, 3, stride=2)
    border = torch.ones(4, 4, dtype=torch.bool)
    border[1:-1, 1:-1] = False
    assert (at_1[0, 0][border] == 0).all() and (at_1[0, 0][~border] < 0).all()
    assert at_2.shape[-2:] == (2, 2) and at_2[0, 0, -1, -1] == negative[0, 0, 1:, 1:].max()
    assert (at_2.flatten()[:3] == 0).all()


def test_pooling_again_gives_max_with_zero_only_when_unpool_knows_the_size():
    # the page (review 17): under ceil_mode a width the stride does not divide needs output_size,
    # even when the windows tile the map and each holds more than one pixel (6x5, or 6x8 at k = 3)
    checked = misplaced = 0
    for kernel, height, width in itertools.product((2, 3, 4), range(2, 10), range(2, 10)):
        if height < kernel or width < kernel or (height % kernel == 1) or (width % kernel == 1):
            continue  # a window of one pixel at the edge: the rule does not claim it
        x = torch.arange(height * width, dtype=torch.float64).view(1, 1, height, width)
        values, indices = F.max_pool2d(x, kernel, ceil_mode=True, return_indices=True)
        sized = F.max_unpool2d(values, indices, kernel, output_size=(height, width))
        assert torch.equal(F.max_pool2d(sized, kernel, ceil_mode=True), values.clamp(min=0)), (kernel, height, width)
        plain = F.max_pool2d(F.max_unpool2d(values, indices, kernel), kernel, ceil_mode=True)
        right = torch.equal(plain, values.clamp(min=0))
        assert right == (width % kernel == 0), (kernel, height, width)
        checked += 1
        misplaced += not right
    assert misplaced and checked > misplaced


def test_max_with_zero_holds_beyond_eight_channels_in_channels_last_and_low_precision():
    """Review 35: channels_last pooling kernels can vectorise over channels, so the max(v, 0)
    rule (windows that tile the map, more than one pixel each, output_size given) is swept over
    channel counts around vector blocks, both memory formats and the four floating dtypes."""
    generator = torch.Generator().manual_seed(35)
    for kernel, channels in itertools.product((2, 3), (7, 8, 9, 16, 17, 32, 33)):
        for dtype in (torch.float16, torch.bfloat16, torch.float32, torch.float64):
            x = (torch.randn(2, channels, 3 * kernel, 2 * kernel, generator=generator) * 100 - 50).to(dtype)
            for y in (x, x.contiguous(memory_format=torch.channels_last)):
                values, indices = F.max_pool2d(y, kernel, return_indices=True)
                refilled = F.max_unpool2d(values, indices, kernel, output_size=y.shape[-2:])
                assert torch.equal(F.max_pool2d(refilled, kernel), values.clamp(min=0)), (kernel, channels, dtype)


def test_integer_max_pool_is_a_cpu_claim_and_cuda_refuses_integers():
    """Review 45: "only the CPU kernel takes" integers was false: the MPS backend's max pooling
    (aten/src/ATen/native/mps/operations/Pooling.mm, kernels/Pooling.metal) takes int64 and
    other integer types. The page now says what the CPU does and that CUDA's kernel
    (DilatedMaxPool2d.cu, AT_DISPATCH_FLOATING_TYPES_AND2) takes floating types only."""
    for dtype in (torch.uint8, torch.int32, torch.int64):
        assert F.max_pool2d(torch.ones(1, 1, 2, 2, dtype=dtype), 2).dtype == dtype  # the CPU takes it
    page = (ROOT / "docs" / "pooling-details.md").read_text(encoding="utf-8")
    assert "only the CPU kernel takes" not in page and "on the CPU with its dtype's smallest value" in page
    if not torch.cuda.is_available():
        pytest.skip("CUDA's half of the claim needs a GPU")
    for dtype in (torch.uint8, torch.int32, torch.int64):
        with pytest.raises(RuntimeError, match="not implemented"):
            F.max_pool2d(torch.ones(1, 1, 2, 2, dtype=dtype, device="cuda"), 2)


def test_only_the_four_float_dtypes_pad_with_minus_inf_and_float8_complex_and_bool_are_refused():
    """Review 64: "pads floating-point input with negative infinity" read as a rule for every floating dtype;
    the float8 types (and complex, and bool) raise "not implemented" instead, in either layout."""
    for dtype in (torch.float16, torch.bfloat16, torch.float32, torch.float64):
        assert F.max_pool2d(torch.ones(1, 1, 2, 2, dtype=dtype), 2, 1, 1, 3).item() == float("-inf")
    refused = {d for d in vars(torch).values() if isinstance(d, torch.dtype) and str(d).startswith("torch.float8")}
    assert len(refused) >= 4  # e4m3fn, e4m3fnuz, e5m2, e5m2fnuz, ...
    for dtype in (*refused, torch.complex64, torch.complex128, torch.bool):
        x = torch.ones(1, 2, 2, 2).to(dtype)
        for y in (x, x.contiguous(memory_format=torch.channels_last)):
            with pytest.raises(RuntimeError, match="not implemented"):
                F.max_pool2d(y, 2, stride=1, padding=1)
    page = " ".join((ROOT / "docs" / "pooling-details.md").read_text(encoding="utf-8").split())
    page_zh = (ROOT / "docs" / "pooling-details.zh.md").read_text(encoding="utf-8")
    assert "pads float16, bfloat16, float32 and float64 input with negative infinity" in page
    assert "pads floating-point input" not in page and "对浮点输入用负无穷" not in page_zh
    assert "float8 各类型、复数和 bool 输入会被拒绝" in page_zh


def test_the_cpu_refuses_the_wide_unsigned_integer_types():
    """Review 48: "integer input ... on the CPU with its dtype's smallest value" read as a rule for every
    integer dtype, but the CPU kernel dispatches uint8 and the signed types only: uint16, uint32 and
    uint64 raise "not implemented", in either layout, with or without indices. The page now says so."""
    for dtype in (torch.uint16, torch.uint32, torch.uint64):
        x = torch.ones(1, 2, 2, 2, dtype=dtype)
        for y in (x, x.contiguous(memory_format=torch.channels_last)):
            for indices in (False, True):
                with pytest.raises(RuntimeError, match="not implemented"):
                    F.max_pool2d(y, 2, stride=1, padding=1, dilation=3, return_indices=indices)
    for dtype in (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64):  # the ones it takes
        assert F.max_pool2d(torch.ones(1, 1, 2, 2, dtype=dtype), 2, 1, 1, 3).item() == torch.iinfo(dtype).min
    page, page_zh = (
        (ROOT / "docs" / "pooling-details.md").read_text(encoding="utf-8"),
        (ROOT / "docs" / "pooling-details.zh.md").read_text(encoding="utf-8"),
    )
    assert "uint16, uint32 and uint64 are refused" in page and "uint16、uint32 和 uint64 会被拒绝" in page_zh


def test_avg_pool_divisor_is_the_real_pixels_or_the_override_in_every_window():
    """Review 54: "with False, each window is divided by the number of real pixels in it" and "divisor_override
    replaces the divisor altogether" were asserted on one 4x4 map of ones only. Swept here over sizes, kernels,
    strides, paddings, ceil_mode (windows that hang past the padding), both layouts and the floating dtypes: the
    divisor is the count of input pixels in the window, or the override whatever count_include_pad says."""
    g = torch.Generator().manual_seed(54)
    tolerances = {torch.float64: 1e-12, torch.float32: 1e-5, torch.bfloat16: 2e-2}  # rtol = atol
    hanging = 0
    for height, kernel, stride, padding, ceil_mode in itertools.product(
        range(1, 7), range(1, 4), range(1, 4), range(0, 2), (False, True)
    ):
        if padding > kernel // 2:
            continue
        x = torch.randn(2, 3, height, height + 1, generator=g, dtype=torch.float64)
        try:
            h, w = F.avg_pool2d(x, kernel, stride, padding, ceil_mode).shape[-2:]
        except RuntimeError:  # no output pixel
            continue

        def window_sums(t):  # every window of the zero-padded map, with room for those that hang past it
            room = F.pad(t, (padding, padding + kernel) * 2)
            rows, cols = ((side - kernel) // stride + 1 for side in room.shape[-2:])
            return F.unfold(room, kernel, stride=stride).view(2, 3, -1, rows, cols)[..., :h, :w].sum(2)

        sums, real = window_sums(x), window_sums(torch.ones_like(x))
        starts = torch.arange(max(h, w)) * stride + kernel
        hanging += int(
            ((starts[:h, None] > height + 2 * padding) | (starts[None, :w] > height + 1 + 2 * padding)).sum()
        )
        for dtype, layout in itertools.product(tolerances, (torch.contiguous_format, torch.channels_last)):
            args = (x.to(dtype).contiguous(memory_format=layout), kernel, stride, padding, ceil_mode)
            tol = tolerances[dtype]
            excluded = F.avg_pool2d(*args, count_include_pad=False).double()
            assert torch.allclose(excluded, sums / real, tol, tol), (height, kernel, stride, padding, ceil_mode, dtype)
            for include in (False, True):
                override = F.avg_pool2d(*args, count_include_pad=include, divisor_override=5).double()
                assert torch.allclose(override, sums / 5, tol, tol), (height, kernel, stride, padding, include, dtype)
    assert hanging > 20  # the sweep met windows that hang past the padding


def test_a_window_of_minus_infinity_names_one_of_its_pixels_on_the_cpu_and_0_on_cudas_channels_last_kernel():
    """Review 54: "returns, for every output, where its maximum was" read as a rule on every device. For a window
    whose pixels are all -inf the CPU names one of them (swept over windows, both layouts, the floating dtypes);
    CUDA's max_pool_forward_nhwc (DilatedMaxPool2d.cu) starts each index at 0 and moves it only for a value above
    -inf or a NaN, so for channels_last input such a window gets 0, outside it here. The page now says so."""
    size, checked = 5, 0
    for dtype, layout, kernel, stride, padding, dilation in itertools.product(
        (torch.float16, torch.bfloat16, torch.float32, torch.float64),
        (torch.contiguous_format, torch.channels_last),
        (2, 3),
        (1, 2),
        (0, 1),
        (1, 2),
    ):
        x = torch.full((1, 17, size, size), -math.inf, dtype=dtype).contiguous(memory_format=layout)
        _, index = F.max_pool2d(x, kernel, stride, padding, dilation, return_indices=True)
        for i, j in itertools.product(*(range(n) for n in index.shape[-2:])):
            rows, cols = ([o * stride - padding + t * dilation for t in range(kernel)] for o in (i, j))
            pixels = {r * size + c for r in rows for c in cols if 0 <= r < size and 0 <= c < size}
            if pixels:
                assert set(index[0, :, i, j].tolist()) <= pixels, (dtype, layout, kernel, stride, padding, dilation)
                checked += 1
    assert checked > 1000
    page, page_zh = (
        (ROOT / "docs" / name).read_text(encoding="utf-8") for name in ("pooling-details.md", "pooling-details.zh.md")
    )
    assert "max_pool_forward_nhwc" in page and "max_pool_forward_nhwc" in page_zh
    if not torch.cuda.is_available():
        pytest.skip("CUDA's half of the claim needs a GPU")
    x = torch.full((1, 4, 4, 4), -math.inf, device="cuda")
    corners = [[0, 2], [8, 10]]
    assert F.max_pool2d(x, 2, return_indices=True)[1][0, 0].tolist() == corners
    cl = F.max_pool2d(x.contiguous(memory_format=torch.channels_last), 2, return_indices=True)[1]
    assert cl[0, 0].tolist() == [[0, 0], [0, 0]]
    empty = x[..., :2, :2].contiguous(memory_format=torch.channels_last)  # the page's dilated window, no pixel
    assert F.max_pool2d(empty, 2, 1, 1, 3, return_indices=True)[1].flatten().tolist() == [0] * 4
    assert F.max_pool2d(empty.contiguous(), 2, 1, 1, 3, return_indices=True)[1].flatten().tolist() == [6] * 4


def test_max_unpool_knows_no_dilation_and_needs_the_dilated_span_as_kernel_size():
    """Review 57: "MaxUnpool2d uses those indices to put each maximum back" and "passing output_size fixes" it
    were shown on undilated pooling, on a page whose dilated window returns an index. MaxUnpool2d has no
    dilation: it checks output_size against a size worked out from kernel_size alone, so after a dilated
    MaxPool2d the input's own size is refused (ValueError) in most settings; kernel_size = d(k - 1) + 1 puts
    every maximum back, and an index outside the plane (a window with no input pixel) raises either way."""
    refused = accepted = outside = default_raised = default_wrong = 0
    for h, k, s, p, d in itertools.product(range(1, 10), range(1, 5), range(1, 4), range(0, 3), range(2, 4)):
        if p > k // 2:
            continue
        x = -1 - torch.rand(2, 3, h, h + 1, generator=torch.Generator().manual_seed(h))
        try:
            values, indices = F.max_pool2d(x, k, s, p, d, return_indices=True)
        except RuntimeError:  # no output pixel
            continue
        if (indices >= h * (h + 1)).any():
            for kernel in (k, d * (k - 1) + 1):
                with pytest.raises((ValueError, RuntimeError)):
                    F.max_unpool2d(values, indices, kernel, s, p, output_size=x.shape[-2:])
            outside += 1
            continue
        unpooled = F.max_unpool2d(values, indices, d * (k - 1) + 1, s, p, output_size=x.shape[-2:])
        placed = unpooled.flatten(2).gather(2, indices.flatten(2)).view_as(values)
        assert torch.equal(placed, values), (h, k, s, p, d)
        # review 62: only given output_size; the span alone works out a size that can miss the input's
        try:
            by_default = F.max_unpool2d(values, indices, d * (k - 1) + 1, s, p).shape[-2:] == x.shape[-2:]
        except RuntimeError:  # a maximum beyond the size it worked out
            by_default = False
            default_raised += 1
        default_wrong += not by_default
        try:
            F.max_unpool2d(values, indices, k, s, p, output_size=x.shape[-2:])
            accepted += 1
        except ValueError:
            refused += 1
    assert refused > accepted > 0 and outside > 0 and default_wrong > default_raised > 0
    assert "and the input's size as `output_size`" in " ".join(
        (ROOT / "docs" / "pooling-details.md").read_text(encoding="utf-8").split()
    )
    assert "并把输入的尺寸作为 `output_size` 传入" in (ROOT / "docs" / "pooling-details.zh.md").read_text(
        encoding="utf-8"
    )
    page, page_zh = (
        (ROOT / "docs" / name).read_text(encoding="utf-8") for name in ("pooling-details.md", "pooling-details.zh.md")
    )
    assert "It has no `dilation` argument" in page and "它没有 `dilation` 参数" in page_zh


def test_unpooling_a_window_without_pixels_raises_on_the_cpu_and_writes_minus_inf_at_pixel_0_on_cudas_channels_last():
    """Review 60: "except that an index outside the plane, from a window that holds no input pixel, is an error"
    read for every device; CUDA's channels_last max pool gives such a window index 0 and -inf (the test above),
    which MaxUnpooling.cu writes into pixel 0. The page now splits the exception by device, and says such a
    window comes only with one output row or column of windows that all hold no pixel (swept here on the CPU)."""
    page, page_zh = (
        (ROOT / "docs" / name).read_text(encoding="utf-8") for name in ("pooling-details.md", "pooling-details.zh.md")
    )
    assert "so there nothing is raised and a −∞ lands at pixel 0" in page
    assert "所以在那里不会报错，而是有一个 −∞ 落到像素 0 上" in page_zh
    empties = inside = 0
    for h, w, k, s, p, d in itertools.product(
        range(1, 8), range(1, 8), range(1, 6), range(1, 4), range(3), range(1, 5)
    ):
        if p > k // 2:
            continue
        x = -1 - torch.rand(1, 2, h, w, generator=torch.Generator().manual_seed(h * w))
        try:
            values, index = F.max_pool2d(x, k, s, p, d, return_indices=True)
        except RuntimeError:
            continue
        empty = values.isinf()
        if empty.any():
            empties += 1
            assert 1 in values.shape[-2:] and empty.all(), (h, w, k, s, p, d)
            if (index >= h * w).any():
                with pytest.raises(RuntimeError):
                    F.max_unpool2d(values, index, d * (k - 1) + 1, s, p, output_size=(h, w))
            else:  # in the plane, but not in the window: no error, a -inf on that pixel
                inside += 1
                out = F.max_unpool2d(values, index, d * (k - 1) + 1, s, p, output_size=(h, w))
                assert torch.equal(
                    out.flatten(2).isinf(),
                    torch.zeros_like(out.flatten(2), dtype=torch.bool).scatter(2, index.flatten(2), True),
                )
    assert empties > 50 and 0 < inside < empties
    _, index = F.max_pool2d(torch.rand(1, 1, 3, 1), 2, 1, 1, 2, return_indices=True)
    assert index.flatten().tolist() == [2, 1, 2]
    # review 61: the stride is part of the example; the default stride (the kernel) gives two windows, 2, 2
    _, index = F.max_pool2d(torch.rand(1, 1, 3, 1), 2, padding=1, dilation=2, return_indices=True)
    assert index.flatten().tolist() == [2, 2]
    assert "kernel 2, stride 1, padding 1, dilation 2, the indices are 2, 1, 2" in page
    assert "窗口大小 2、步幅 1、填充 1、膨胀 2，下标依次是 2、1、2" in page_zh
    if not torch.cuda.is_available():
        pytest.skip("CUDA's half of the claim needs a GPU")
    x = -1 - torch.rand(2, 3, 2, 2, device="cuda")
    values, index = F.max_pool2d(x.contiguous(memory_format=torch.channels_last), 2, 1, 1, 3, return_indices=True)
    assert values.isinf().all() and (index == 0).all()
    out = F.max_unpool2d(values, index, 4, 1, 1, output_size=(2, 2)).cpu()
    assert (out[..., 0, 0] == float("-inf")).all() and (out.flatten(2)[..., 1:] == 0).all()


def test_the_integer_padding_comment_is_about_max_pool2d_as_max_pool1d_refuses_integers():
    """Review r109-6: the max_padding cell's comment said "the CPU pads uint8 and the signed integer types with the
    dtype's smallest value", but MaxPool1d without return_indices refuses every integer dtype on the CPU
    ("max_pool1d_impl" not implemented); MaxPool2d and MaxPool3d pad them. It now names MaxPool2d."""
    for dtype in (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64):
        with pytest.raises(RuntimeError, match="not implemented"):
            nn.MaxPool1d(2, stride=1, padding=1, dilation=3)(torch.ones(1, 1, 2, dtype=dtype))
        for pool, shape in ((nn.MaxPool2d, (1, 1, 2, 2)), (nn.MaxPool3d, (1, 1, 2, 2, 2))):
            padded = pool(2, stride=1, padding=1, dilation=3)(torch.ones(shape, dtype=dtype))
            assert padded.flatten()[0].item() == torch.iinfo(dtype).min, (pool, dtype)
    source = (ROOT / "examples" / "pooling_details.py").read_text(encoding="utf-8")
    assert "MaxPool2d on the CPU pads uint8 and the signed integer types" in source
    assert "no -inf: the CPU pads" not in source


def test_inductor_on_the_cpu_names_the_padding_where_eager_names_a_pixel_of_an_all_minus_infinity_window():
    """Review 115: "on the CPU its index names one of its pixels" and the 3x1 example's "2, 1, 2" were read for the
    CPU in general. Under torch.compile (Inductor) on the CPU an all -inf window gets the flat index of its top-left
    tap, which lies in the padding (negative here), and the 3x1 windows get -2, -1, 0. Both sentences now say
    'in eager mode'."""
    torch._dynamo.reset()

    def pools(x, column):  # one compilation for both cases
        return F.max_pool2d(x, 2, 1, 1, return_indices=True)[1], F.max_pool2d(column, 2, 1, 1, 2, return_indices=True)[
            1
        ]

    x, column = torch.full((1, 1, 3, 3), -math.inf), torch.rand(1, 1, 3, 1)
    (eager, eager_column), (compiled, compiled_column) = (
        pools(x, column),
        torch.compile(pools, backend="inductor", dynamic=False)(x, column),
    )
    assert eager[0, 0, 0, 0].item() == 0 and compiled[0, 0, 0, 0].item() == -4  # pixel (0, 0) against padding (-1, -1)
    assert (compiled < 0).any() and (eager >= 0).all()
    assert eager_column.flatten().tolist() == [2, 1, 2] and compiled_column.flatten().tolist() == [-2, -1, 0]
    page, page_zh = (
        " ".join((ROOT / "docs" / name).read_text(encoding="utf-8").split())
        for name in ("pooling-details.md", "pooling-details.zh.md")
    )
    assert "on the CPU in eager mode its index names one of its pixels" in page
    assert "On the CPU in eager mode such a window's index names a pixel" in page
    assert page_zh.count("在 CPU 上的 eager 模式下，") == 2


def test_inductor_on_the_cpu_pools_bool_and_wide_unsigned_integers_that_eager_refuses():
    """Review 115: "the float8 types, complex and bool input are refused" and "uint16, uint32 and uint64 are refused"
    (page and the max_padding comment) were read for every way of running the layer. Under torch.compile (Inductor)
    on the CPU, bool, uint16 and uint32 pool, padded with their smallest value. The parenthesis now opens with
    'in eager mode:' and the comment says 'in eager mode'."""
    torch._dynamo.reset()

    def pools(*xs):  # one compilation for the three dtypes
        return [F.max_pool2d(x, 2, stride=1, padding=1, dilation=3) for x in xs]

    xs = [torch.ones(1, 1, 2, 2, dtype=dtype) for dtype in (torch.bool, torch.uint16, torch.uint32)]
    for x in xs:
        with pytest.raises(NotImplementedError):
            F.max_pool2d(x, 2, stride=1, padding=1, dilation=3)
    got = torch.compile(pools, backend="inductor", dynamic=False)(*xs)
    assert [y.flatten().tolist() for y in got] == [[False], [0], [0]]
    page = " ".join((ROOT / "docs" / "pooling-details.md").read_text(encoding="utf-8").split())
    page_zh = (ROOT / "docs" / "pooling-details.zh.md").read_text(encoding="utf-8")
    assert "(in eager mode: the float8 types, complex and bool input are refused;" in page
    assert "（在 eager 模式下：float8 各类型、复数和 bool 输入会被拒绝；" in page_zh
    assert "# (in eager mode it refuses uint16, uint32 and uint64;" in (
        ROOT / "examples" / "pooling_details.py"
    ).read_text(encoding="utf-8")


def test_the_examples_docstring_says_most_details_not_each_are_computed_on_small_tensors(ns):
    """The example's docstring (its notebook's first cell) said the five details are 'each computed
    on small tensors', the rule the page had narrowed to 'most of them computed on a tensor small
    enough to check by eye': MaxUnpool2d is also shown on a 256x256 crop of a photograph, 65536
    pixels, and the output-size formula runs over a grid of thousands of layers."""
    assert ns["image"].shape[-2:] == (256, 256)
    assert ns["checked"] > 1000
    docstring = (ROOT / "examples" / "pooling_details.py").read_text(encoding="utf-8").split('"""')[1]
    words = " ".join(docstring.split())
    assert "each computed on small tensors" not in words
    assert "most of them computed on tensors small enough to check by eye" in words
    assert "(also on a 256x256 crop of a photograph)" in words
    page = " ".join((ROOT / "docs" / "pooling-details.md").read_text(encoding="utf-8").split())
    assert "most of them computed on a tensor small enough to check by eye" in page


def test_under_ceil_mode_unpooling_needs_output_size_where_the_stride_does_not_divide_the_width():
    """The parenthetical pointed at the next section 'as [it] shows', but that section shows an odd size without
    ceil_mode (noticed by review r132-6); the rule itself: MaxUnpool2d's default size is ceil(n / s) * s."""
    for n, s in itertools.product(range(2, 14), range(2, 5)):
        y, i = F.max_pool2d(torch.randn(1, 1, n, n), s, s, ceil_mode=True, return_indices=True)
        assert F.max_unpool2d(y, i, s, s).shape[-1] == -(-n // s) * s
        assert (F.max_unpool2d(y, i, s, s).shape[-1] == n) == (n % s == 0)
        assert F.max_unpool2d(y, i, s, s, output_size=(n, n)).shape[-2:] == (n, n)
    assert_pages_say(
        ("pooling-details.md", "needs `output_size` too, for the reason the next section shows without `ceil_mode`)"),
        ("pooling-details.zh.md", "同样需要传 `output_size`，原因见下一节不用 `ceil_mode` 的例子）"),
    )
