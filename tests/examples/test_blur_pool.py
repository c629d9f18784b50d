"""BlurPool, MaxBlurPool and blur_pool in examples/_downsample.py, against Zhang's reference.

The reference below re-states antialiased-cnns' BlurPool independently: one 2-D binomial
kernel (the outer product of a row of Pascal's triangle), pad (n - 1) // 2 before and
ceil((n - 1) / 2) after, then a strided depthwise convolution.
"""

import itertools
import math
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from _downsample import FILTER_SIZES, PADDING_MODES, BlurPool, MaxBlurPool, binomial, blur_pool, blur_pool_minimum_size

from helpers import one_thread  # noqa: F401  (an autouse fixture)


def zhang(x, filter_size, stride, padding_mode):
    row = torch.tensor([math.comb(filter_size - 1, i) for i in range(filter_size)], dtype=x.dtype)
    kernel = torch.outer(row, row) / row.sum() ** 2
    before, after = (filter_size - 1) // 2, math.ceil((filter_size - 1) / 2)
    mode = "constant" if padding_mode == "zeros" else padding_mode
    padded = F.pad(x, (before, after, before, after), mode=mode)
    return F.conv2d(padded, kernel.expand(x.shape[1], 1, *kernel.shape), stride=stride, groups=x.shape[1])


def test_filters_are_rows_of_pascals_triangle():
    assert FILTER_SIZES == (2, 3, 4, 5, 6, 7)
    assert binomial(2) == [1, 1] and binomial(3) == [1, 2, 1] and binomial(5) == [1, 4, 6, 4, 1]
    for n in FILTER_SIZES:
        assert binomial(n) == [math.comb(n - 1, i) for i in range(n)]


def test_the_taps_are_exact_in_the_four_float_dtypes_and_float8_cannot_build_them():
    """Review 65: the code comment said "exact in every float dtype"; the float8 types cannot divide at all
    (and float8_e5m2 could not hold 15/64 of the 7-tap filter), so it names the four dtypes blur_pool runs in.
    A lone 1 comes back as the outer product of the taps, which holds the exact binomial fractions only if
    the taps do (each product of two has at most 8 significant bits, so bfloat16 holds it too)."""
    for dtype, filter_size in itertools.product(
        (torch.float16, torch.bfloat16, torch.float32, torch.float64), FILTER_SIZES
    ):
        x = torch.zeros(1, 1, 9, 9, dtype=dtype)
        x[..., 4, 4] = 1
        row = torch.tensor([math.comb(filter_size - 1, i) for i in range(filter_size)], dtype=torch.float64)
        exact = torch.outer(row, row) / 4.0 ** (filter_size - 1)
        got = blur_pool(x, filter_size, 1, "zeros").double()[0, 0]
        start = 4 + (filter_size - 1) // 2 - (filter_size - 1)  # the outputs whose window holds the 1
        window = slice(start, start + filter_size)
        assert torch.equal(got[window, window], exact) and got.sum() == 1, (dtype, filter_size)
    assert torch.tensor(15 / 64, dtype=torch.float8_e5m2).item() != 15 / 64
    for dtype in (torch.float8_e4m3fn, torch.float8_e5m2):
        with pytest.raises((NotImplementedError, RuntimeError)):
            blur_pool(torch.ones(1, 1, 8, 8).to(dtype), 7)
    source = (Path(__file__).resolve().parents[2] / "examples" / "_downsample.py").read_text(encoding="utf-8")
    assert "# exact in float16, bfloat16, float32, float64" in source and "every float dtype" not in source


@pytest.mark.parametrize("padding_mode", PADDING_MODES)
def test_blur_pool_is_zhangs_blurpool(padding_mode):
    generator = torch.Generator().manual_seed(0)
    for filter_size, stride, (height, width) in itertools.product(FILTER_SIZES, (1, 2, 3), ((4, 5), (7, 8), (12, 7))):
        x = torch.randn(2, 3, height, width, dtype=torch.float64, generator=generator)
        torch.testing.assert_close(
            blur_pool(x, filter_size, stride, padding_mode), zhang(x, filter_size, stride, padding_mode)
        )
        module = BlurPool(filter_size, stride, padding_mode)
        torch.testing.assert_close(module(x), zhang(x, filter_size, stride, padding_mode))


def test_max_blur_pool_is_a_dense_max_then_blurpool():
    x = torch.randn(2, 3, 11, 10, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    for kernel_size, filter_size in itertools.product((2, 3), FILTER_SIZES):
        expected = zhang(F.max_pool2d(x, kernel_size, stride=1), filter_size, 2, "reflect")
        torch.testing.assert_close(MaxBlurPool(kernel_size, filter_size)(x), expected)


def test_sizes_from_1x1_and_the_minimum_is_exact():
    """ceil(H / s) or floor(H / s) for every size, else a ValueError naming the smallest size (that no smaller size works in torch: test_below_the_minimum_torch_itself_fails_or_returns_no_pixel)."""
    for filter_size, stride, padding_mode, ceil_mode in itertools.product(
        FILTER_SIZES, (1, 2, 3, 4), PADDING_MODES, (True, False)
    ):
        smallest = blur_pool_minimum_size(filter_size, stride, padding_mode, ceil_mode)
        for height, width in [(h, h) for h in range(1, 10)] + [(1, 9), (9, 2)]:
            x = torch.randn(1, 2, height, width)
            if min(height, width) < smallest:
                with pytest.raises(ValueError, match=f"at least {smallest}, got {height}x{width}"):
                    blur_pool(x, filter_size, stride, padding_mode, ceil_mode)
                continue
            rounding = math.ceil if ceil_mode else math.floor
            assert blur_pool(x, filter_size, stride, padding_mode, ceil_mode).shape == (
                1,
                2,
                rounding(height / stride),
                rounding(width / stride),
            )
    # what 'replicate' and 'zeros' give: any size, down to 1x1 (ceil) or stride (floor)
    for filter_size in FILTER_SIZES:
        assert blur_pool_minimum_size(filter_size, 2, "replicate", True) == 1
        assert blur_pool_minimum_size(filter_size, 2, "zeros", False) == 2
    # reflect needs a pixel more than its pad: Zhang's default 4 taps pads 1 before and 2 after
    assert blur_pool_minimum_size(4, 2, "reflect", True) == 3


def test_max_blur_pool_names_its_own_minimum_and_the_input_size():
    """Below the smallest input, the message counts on the input, not on the densely maxed map."""
    for kernel_size, filter_size, stride, padding_mode, ceil_mode in itertools.product(
        (1, 2, 3), FILTER_SIZES, (1, 2, 3), PADDING_MODES, (True, False)
    ):
        pool = MaxBlurPool(kernel_size, filter_size, stride, padding_mode, ceil_mode)
        works, smallest = [], 1
        for height, width in [(h, h) for h in range(1, 12)] + [(h, 12) for h in range(1, 12)] + [(12, 1)]:
            try:
                pool(torch.zeros(1, 1, height, width))
                works.append(min(height, width))
            except ValueError as error:
                assert f"got {height}x{width}" in str(error), (pool, height, width, str(error))
                smallest = int(str(error).split("at least ")[1].split(",")[0])
        assert min(works) == smallest, (pool, works, smallest)  # the named minimum is the first size that works


def ramp_position(pool, length, stride):
    """Where each output sits along the width, from a ramp and its negation (nonlinear pools too)."""
    ramp = torch.arange(float(length), dtype=torch.float64).expand(1, 1, 24, length)
    position = (pool(ramp) - pool(-ramp)) / 2
    return position[0, 0, position.shape[-2] // 2]


@pytest.mark.parametrize("filter_size", FILTER_SIZES)
@pytest.mark.parametrize("stride", [2, 3, 4])
def test_where_samples_sit(filter_size, stride):
    """Output i sits at stride*i + 0.5 for an even filter, stride*i for an odd one (Zhang's padding)."""
    position = ramp_position(lambda x: blur_pool(x, filter_size, stride), 40, stride)
    interior = slice(2, -2)
    expected = stride * torch.arange(float(len(position)), dtype=torch.float64) + (0.5 if filter_size % 2 == 0 else 0.0)
    torch.testing.assert_close(position[interior], expected[interior])


@pytest.mark.parametrize("kernel_size", [2, 3])
@pytest.mark.parametrize("filter_size", FILTER_SIZES)
def test_max_blur_pool_moves_samples_by_half_its_max_window(kernel_size, filter_size):
    position = ramp_position(MaxBlurPool(kernel_size, filter_size), 40, 2)
    expected = (
        2 * torch.arange(float(len(position)), dtype=torch.float64)
        + (0.5 if filter_size % 2 == 0 else 0.0)
        + (kernel_size - 1) / 2
    )
    torch.testing.assert_close(position[2:-2], expected[2:-2])


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16, torch.float32, torch.float64])
def test_dtype_follows_the_input(dtype):
    x = torch.randn(1, 2, 9, 8, dtype=torch.float64, generator=torch.Generator().manual_seed(2))
    for module in (BlurPool(), BlurPool(5, padding_mode="replicate"), MaxBlurPool()):
        y = module(x.to(dtype))
        assert y.dtype == dtype
        tolerance = {torch.float16: 4e-3, torch.bfloat16: 3e-2}.get(dtype, 1e-6)
        torch.testing.assert_close(y.double(), module(x), atol=tolerance * 4, rtol=tolerance)


def test_nothing_to_learn_or_save():
    for module in (BlurPool(), MaxBlurPool(3, 5)):
        assert list(module.parameters()) == [] and module.state_dict() == {}
    assert repr(BlurPool()) == "BlurPool(filter=[1, 3, 3, 1], stride=2, padding_mode='reflect', ceil_mode=True)"
    assert (
        repr(MaxBlurPool())
        == "MaxBlurPool(kernel_size=2, filter=[1, 3, 3, 1], stride=2, padding_mode='reflect', ceil_mode=True)"
    )


@pytest.mark.parametrize(
    "arguments,message",
    [
        ({"filter_size": 1}, "filter_size must be one of"),
        ({"filter_size": 8}, "filter_size must be one of"),
        ({"filter_size": 4.0}, "filter_size must be one of"),
        ({"stride": 0}, "stride must be a positive integer"),
        ({"padding_mode": "constant"}, "padding_mode must be one of"),
    ],
)
def test_bad_arguments_fail_at_construction(arguments, message):
    for module in (BlurPool, MaxBlurPool):
        with pytest.raises(ValueError, match=message):
            module(**arguments)


def test_numpy_integer_arguments_are_taken_as_ints():
    """Review r116-6: BlurPool(stride=np.int64(2)) was refused with 'stride must be a positive integer'."""
    import numpy as np

    x = torch.randn(1, 2, 9, 10, generator=torch.Generator().manual_seed(3))
    for integer in (np.int16, np.int64, np.uint8):
        blur = BlurPool(integer(5), integer(3), padding_mode="replicate")
        max_blur = MaxBlurPool(integer(3), integer(5), integer(2))
        assert repr(blur) == repr(BlurPool(5, 3, padding_mode="replicate")) and repr(max_blur) == repr(
            MaxBlurPool(3, 5, 2)
        )
        assert type(blur.stride) is int and type(max_blur.kernel_size) is int
        assert torch.equal(blur(x), BlurPool(5, 3, padding_mode="replicate")(x))
        assert torch.equal(torch.jit.script(max_blur)(x), MaxBlurPool(3, 5, 2)(x))


def test_torchscript_and_compile():
    x = torch.randn(1, 2, 9, 10, generator=torch.Generator().manual_seed(3))
    for module in (BlurPool(), MaxBlurPool(3, 5, padding_mode="replicate")):
        assert torch.equal(torch.jit.script(module)(x), module(x))
        torch._dynamo.reset()
        torch.testing.assert_close(torch.compile(module, backend="eager", fullgraph=True)(x), module(x), rtol=0, atol=0)


def test_unbatched_input_is_refused_rather_than_misread():
    """conv2d would take (C, H, W) as unbatched and group by H: refuse anything but 4-D."""
    for module in (BlurPool(), MaxBlurPool()):
        with pytest.raises(ValueError, match="4-D"):
            module(torch.zeros(3, 8, 8))


def test_channels_last_gives_the_same_values():
    x = torch.randn(2, 5, 9, 12, generator=torch.Generator().manual_seed(7))
    for module in (BlurPool(), MaxBlurPool(3, 5, padding_mode="zeros")):
        torch.testing.assert_close(module(x.to(memory_format=torch.channels_last)), module(x))


def test_samples_sit_on_the_grid_only_where_the_filter_stays_inside():
    """Review 14: the page said every output i sits at 2i + 0.5 (even filter) or 2i (odd); at the
    borders an output whose taps reach into the padding on one side only sits elsewhere, for every
    padding mode, stride and size (two-sided reach on tiny maps can cancel, so it is left out)."""
    moved = 0
    for filter_size, padding_mode, stride in itertools.product(FILTER_SIZES, PADDING_MODES, (2, 3)):
        smallest = blur_pool_minimum_size(filter_size, stride, padding_mode, True)
        for length in range(smallest, 18):
            ramp = torch.arange(float(length), dtype=torch.float64).expand(1, 1, 24, length)
            position = (
                (
                    blur_pool(ramp, filter_size, stride, padding_mode)
                    - blur_pool(-ramp, filter_size, stride, padding_mode)
                )
                / 2
            )[0, 0, 6]
            before = (filter_size - 1) // 2
            for i, p in enumerate(position.tolist()):
                left, right = stride * i - before < 0, stride * i - before + filter_size - 1 > length - 1
                if left and right:
                    continue
                on_grid = abs(p - (stride * i + (0.5 if filter_size % 2 == 0 else 0.0))) < 1e-9
                assert on_grid == (not (left or right)), (filter_size, padding_mode, stride, length, i, p)
                moved += left or right
    assert moved > 100


def test_the_module_docstring_names_every_example_that_imports_it():
    """The docstring named the aliasing, downsampling, Downsample and performance pages as its users and left out
    frequency_response, other_frameworks and torch_compile, which import it too (noticed by review r137-6)."""
    import ast
    import re

    examples = Path(__file__).resolve().parents[2] / "examples"
    docstring = " ".join(
        ast.get_docstring(ast.parse((examples / "_downsample.py").read_text(encoding="utf-8"))).split()
    )
    importers = sorted(
        p.stem
        for p in examples.glob("[a-z]*.py")
        if re.search(r"^from _downsample import", p.read_text(encoding="utf-8"), re.M)
    )
    named_by = {
        "aliasing": "the aliasing and downsampling pages",
        "downsample_methods": "the aliasing and downsampling pages",
        "frequency_response": "the frequency response and other-frameworks pages",
        "other_frameworks": "the frequency response and other-frameworks pages",
        "downsample_module": 'the page "What an nn.Downsample would be"',
        "performance": "the performance page",
        "torch_compile": "the torch.compile page",
    }
    assert importers == sorted(named_by)
    assert all(words in docstring for words in named_by.values())


def test_below_the_minimum_torch_itself_fails_or_returns_no_pixel(monkeypatch):
    """Review 139: test_sizes_from_1x1_and_the_minimum_is_exact meets blur_pool's own refusal below
    blur_pool_minimum_size, so a minimum one pixel too large would pass it. The docstring's "one output pixel,
    and a pad the mode can make" and the page's "reflect ... one pixel longer than the pad, circular ... at
    least as long as the pad": with blur_pool's check taken out, every smaller size makes torch's F.pad raise
    or gives no pixel, and the minimum gives one, for every filter, stride 1 to 4, padding mode and ceil_mode."""
    import sys

    module = sys.modules[blur_pool.__module__]
    minimums = {
        key: blur_pool_minimum_size(*key)
        for key in itertools.product(FILTER_SIZES, (1, 2, 3, 4), PADDING_MODES, (True, False))
    }
    monkeypatch.setattr(module, "blur_pool_minimum_size", lambda *arguments: 0)
    for (filter_size, stride, padding_mode, ceil_mode), smallest in minimums.items():
        for size in range(1, smallest):
            for height, width in ((size, size), (size, smallest), (smallest, size)):
                try:
                    out = blur_pool(torch.randn(1, 2, height, width), filter_size, stride, padding_mode, ceil_mode)
                except RuntimeError:
                    continue
                assert out.numel() == 0, (filter_size, stride, padding_mode, ceil_mode, height, width)
        out = blur_pool(torch.randn(1, 2, smallest, smallest), filter_size, stride, padding_mode, ceil_mode)
        rounding = math.ceil if ceil_mode else math.floor
        assert out.shape[-1] == rounding(smallest / stride) >= 1, (filter_size, stride, padding_mode, ceil_mode)
    # F.pad's own rule, which the page states: reflect needs a pad below the size, circular a pad up to it
    for size, pad in itertools.product(range(1, 6), range(0, 8)):
        for mode, allowed in (("reflect", pad < size), ("circular", pad <= size)):
            try:
                F.pad(torch.zeros(1, 1, size, size), [pad] * 4, mode=mode)
                padded = True
            except RuntimeError:
                padded = False
            assert padded == allowed, (mode, size, pad)
