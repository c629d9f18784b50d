"""The claims of docs/downsample-module*.md: the Downsample module and its decision table.

The module's promises are swept over a grid: sizes 1x1 to 9x9 (odd and even, square and
not), factors 2 to 4, every method, padding mode and floating dtype.
"""

import ast
import itertools
import re
from fractions import Fraction
from pathlib import Path

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F
from _downsample import MaxBlurPool, blur_pool

from helpers import assert_pages_say, one_thread, run_example  # noqa: F401  (one_thread: an autouse fixture)

ROOT = Path(__file__).resolve().parents[2]

FLOATS = (torch.float16, torch.bfloat16, torch.float32, torch.float64)
SIZES = [(h, w) for h in range(1, 10) for w in range(1, 10) if abs(h - w) <= 1 or {h, w} == {1, 9}]


@pytest.fixture(scope="module")
def ns():
    return run_example("downsample_module.py")


@pytest.fixture(scope="module")
def Downsample(ns):
    return ns["Downsample"]


def modules(Downsample, factors=(2, 3, 4)):
    """Every method at every factor it accepts, blur methods with every padding mode."""
    for method, k in itertools.product(Downsample.METHODS, factors):
        for mode in ("reflect", "replicate", "zeros", "circular") if "blur" in method else ("reflect",):
            if "blur" in method and k & (k - 1):
                with pytest.raises(ValueError, match="power of 2"):
                    Downsample(k, method=method)
                continue
            torch.manual_seed(0)
            yield method, k, mode, Downsample(k, method=method, channels=2, padding_mode=mode)


def test_methods(Downsample):
    assert Downsample.METHODS == (
        "max",
        "avg",
        "area",
        "antialias-bilinear",
        "blur",
        "max-blur",
        "conv",
        "pixel-unshuffle",
    )


def test_every_size_works_or_names_the_exact_minimum(Downsample):
    """floor(H / k) x floor(W / k) from the minimum up; below it a ValueError that names it (N1)."""
    for method, k, mode, down in modules(Downsample):
        works = []
        for height, width in SIZES:
            x = torch.randn(1, 2, height, width)
            if min(height, width) < down.minimum_size:
                with pytest.raises(ValueError, match=f"at least {down.minimum_size}, got {height}x{width}"):
                    down(x)
            elif method == "pixel-unshuffle" and (height % k or width % k):
                with pytest.raises(ValueError, match=f"divisible by {k}, got {height}x{width}"):
                    down(x)
            else:
                channels = 2 * k * k if method == "pixel-unshuffle" else 2
                assert down(x).shape == (1, channels, height // k, width // k), (method, k, mode, height, width)
                works.append(min(height, width))
        assert min(works) == down.minimum_size, (
            method,
            k,
            mode,
        )  # no size at or above the minimum is refused (that it is exact: see the test with the check taken out)
        # the smallest maps a factor allows at all: every method but the blur ones with reflect or circular padding
        if "blur" not in method or mode in ("replicate", "zeros"):
            assert down.minimum_size == k, (method, k, mode)


def test_the_page_table_of_minimums_is_the_module_attribute(ns, Downsample):
    for (method, mode, k), size in ns["minimum"].items():
        assert (
            size == Downsample(k, method=method, channels=16, **({"padding_mode": mode} if mode else {})).minimum_size
        )
    # the page: one block everywhere, except 'max-blur' with reflect padding (two) and circular (one and a half)
    more = {("max-blur", "reflect"): 2, ("max-blur", "circular"): 1.5}
    assert {mode for (method, mode, k) in ns["minimum"] if method == "blur"} == {
        "reflect",
        "replicate",
        "zeros",
        "circular",
    }
    for (method, mode, k), size in ns["minimum"].items():
        assert size == more.get((method, mode), 1) * k, (method, mode, k)


@pytest.mark.parametrize("method,filter_sizes", [("blur", (2, 4, 6)), ("max-blur", (3, 5, 7))])
def test_minimum_is_exact_for_every_filter_padding_and_factor(Downsample, method, filter_sizes):
    """minimum_size for every allowed filter and padding mode at factors 2, 4 and 8, with one side long."""
    for filter_size, mode, k in itertools.product(
        filter_sizes, ("reflect", "replicate", "zeros", "circular"), (2, 4, 8)
    ):
        down = Downsample(k, method=method, filter_size=filter_size, padding_mode=mode)
        assert down.minimum_size >= k
        for size in range(down.minimum_size - 2, down.minimum_size + 2):
            for height, width in ((size, size), (size, 5 * k), (5 * k, size)):
                if size < 1:
                    continue
                x = torch.zeros(1, 1, height, width)
                if size < down.minimum_size:
                    with pytest.raises(ValueError, match=f"at least {down.minimum_size}, got {height}x{width}"):
                        down(x)
                else:
                    assert down(x).shape[-2:] == (height // k, width // k), (filter_size, mode, k, height, width)


def test_every_factor_up_to_100_gives_floor_sizes(ns, Downsample):
    """The page's sweep found no wrong size; F.interpolate(scale_factor=1/k) does, at 49 and 98."""
    assert ns["calls"] > 2000 and ns["shape_misses"] == []
    assert {k for k, _, _ in ns["interpolate_short"]} == {49, 98}
    assert all(rows == height // k - 1 for k, height, rows in ns["interpolate_short"])
    # the case itself, and the same kernel and scale as F.interpolate wherever its size is right
    assert Downsample(49, "antialias-bilinear")(torch.zeros(1, 1, 98, 147)).shape[-2:] == (2, 3)
    generator = torch.Generator().manual_seed(3)
    for k in (2, 3, 5, 7, 49, 98):
        x = torch.randn(1, 2, 2 * k + 1, 3 * k - 1, generator=generator, dtype=torch.float64)
        expected = F.interpolate(x, scale_factor=1 / k, mode="bilinear", antialias=True, recompute_scale_factor=False)
        assert torch.equal(Downsample(k, "antialias-bilinear")(x), expected), k


def test_antialias_bilinear_one_axis_per_call_is_the_one_call_result_on_the_cpu(Downsample):
    """Bit for bit, on sizes that divide and sizes that do not, up to factor 100, in both memory formats."""
    generator = torch.Generator().manual_seed(9)
    for k in (2, 3, 4, 5, 7, 8, 16, 33, 49, 64, 94, 95, 98, 100):
        for height, width in ((k, 2 * k), (2 * k + 1, 3 * k - 1)):
            for dtype in (torch.float32, torch.float64):
                x = torch.randn(1, 2, height, width, generator=generator, dtype=dtype)
                one_call = torch.ops.aten._upsample_bilinear2d_aa(x, [height // k, width // k], False, 1.0 / k, 1.0 / k)
                for y in (x, x.contiguous(memory_format=torch.channels_last)):
                    assert torch.equal(Downsample(k, "antialias-bilinear")(y), one_call), (k, height, width, dtype)


_ONE_CALL_VS_TWO = """
import torch
from _downsample import Downsample
generator = torch.Generator().manual_seed(3)
differ = []
for k in (2, 3, 5, 49, 100):
    # 1x1 outputs, one row, and outputs at least two pixels wide
    for height, width in ((k, k), (2 * k - 1, k + 1), (k, 2 * k), (2 * k + 1, 3 * k - 1)):
        for dtype in (torch.float32, torch.float64):
            for channels in (1, 3, 5):
                x = torch.randn(2, channels, height, width, generator=generator, dtype=dtype)
                for y in (x, x.contiguous(memory_format=torch.channels_last)):
                    one = torch.ops.aten._upsample_bilinear2d_aa(y, [height // k, width // k], False, 1.0 / k, 1.0 / k)
                    if not torch.equal(Downsample(k, "antialias-bilinear")(y), one):
                        differ.append((k, height, width, str(dtype), channels))
print(torch.backends.cpu.get_cpu_capability(), differ)
"""


@pytest.mark.parametrize("capability", ["default", "avx2"])
def test_one_call_and_two_agree_bit_for_bit_under_other_cpu_capabilities(capability):
    """The page's bit-for-bit claim (outside the one-pixel-wide bug) is not the AVX-512 code's alone:
    the generic code (ARM, old x86) and the AVX2 code agree too, 1x1 outputs included."""
    from helpers import run_python

    assert run_python(_ONE_CALL_VS_TWO, ATEN_CPU_CAPABILITY=capability).split() == [capability.upper(), "[]"]


def test_antialias_bilinear_is_right_where_the_output_is_one_pixel_wide():
    """The CPU kernel's one call (and a plain second call) is wrong there; Downsample is not.

    The reference: two channels in channels_last, which the CPU bug spares, in float64.
    """
    import _downsample

    generator = torch.Generator().manual_seed(12)
    for k in (2, 3, 4, 5, 8, 49, 100):
        for height, width in ((2 * k, k), (3 * k + 1, 2 * k - 1), (k, k)):
            for dtype in (torch.float32, torch.float64, torch.bfloat16):
                for channels in (1, 2, 5):
                    x = torch.randn(1, channels, height, width, generator=generator).to(dtype)
                    both = x.double().repeat(1, 2, 1, 1).contiguous(memory_format=torch.channels_last)
                    reference = torch.ops.aten._upsample_bilinear2d_aa(both, [height // k, 1], False, 1.0 / k, 1.0 / k)[
                        :, :channels
                    ]
                    for y in (x, x.contiguous(memory_format=torch.channels_last)):
                        got = _downsample.Downsample(k, "antialias-bilinear")(y)
                        assert got.dtype == dtype and got.shape == reference.shape
                        atol = 1e-12 if dtype == torch.float64 else 1e-5 if dtype == torch.float32 else 2e-2
                        torch.testing.assert_close(
                            got.double(), reference, atol=atol, rtol=0, msg=str((k, height, width, dtype, channels))
                        )
    # and the one call really is wrong there, so the page's exception is needed
    x = torch.randn(1, 1, 4, 2, generator=generator, dtype=torch.float64)
    one_call = torch.ops.aten._upsample_bilinear2d_aa(x, [2, 1], False, 0.5, 0.5)
    assert (one_call - _downsample.Downsample(2, "antialias-bilinear")(x)).abs().max() > 0.01


def test_antialias_bilinear_calls_fit_cuda_shared_memory_up_to_factor_100(ns, Downsample):
    """On the CPU too: every kernel call Downsample makes shrinks one axis, and fits CUDA's 48 KB in float32."""
    from torch.utils._python_dispatch import TorchDispatchMode

    class Calls(TorchDispatchMode):
        def __init__(self):
            super().__init__()
            self.seen = []

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            if func._overloadpacket == torch.ops.aten._upsample_bilinear2d_aa:
                self.seen.append((tuple(args[0].shape[-2:]), tuple(args[1])))
            return func(*args, **(kwargs or {}))

    for k in (2, 3, 49, 94, 95, 100):
        with Calls() as calls:
            Downsample(k, "antialias-bilinear")(torch.zeros(1, 1, 2 * k, 3 * k))
        assert len(calls.seen) == 2, k
        for before, after in calls.seen:
            k_h, k_w = (k if b != a else 1 for b, a in zip(before, after))
            assert (k_h == 1) != (k_w == 1), (k, before, after)  # one axis per call
            assert ns["cuda_aa_fits"](k_h, k_w, 4), (k, before, after)
    # the same factor on both axes in one call, as F.interpolate makes it, does not fit from 95 on
    assert ns["cuda_aa_fits"](94, 94, 4) and not ns["cuda_aa_fits"](95, 95, 4)


def test_cuda_shared_memory_limits_of_the_antialias_kernel(ns):
    """The page: both axes in one call stop below 100 in float32 and below 50 in float64; one axis per call takes float32 past 100, not float64."""
    limit = ns["cuda_limit"]
    assert 50 <= limit[torch.float32, "both axes"] < 100 and limit[torch.float64, "both axes"] < 50
    page, page_zh = (
        (ROOT / "docs" / name).read_text(encoding="utf-8")
        for name in ("downsample-module.md", "downsample-module.zh.md")
    )
    assert "stops below a factor of 100 in float32 and below 50 in float64" in " ".join(page.split())
    assert "在 float32 下到不了 100 倍，在 float64 下到不了 50 倍" in page_zh
    assert limit[torch.float32, "one axis"] >= 100 > limit[torch.float64, "one axis"]
    assert all(limit[dtype, "one axis"] > limit[dtype, "both axes"] for dtype in (torch.float32, torch.float64))
    # by hand from the kernel source: with one row of 32 threads per block, both axes at factor k need
    # (2k + 1) taps x (32 + 1 + 32) values; in float32, 49140 bytes at k = 94 fit 48 KB, 49660 at 95 do not
    assert (2 * 94 + 1) * 65 * 4 <= 48 * 1024 < (2 * 95 + 1) * 65 * 4 and limit[torch.float32, "both axes"] == 94
    if torch.cuda.is_available():  # the arithmetic against the kernel itself
        assert ns["cuda_refuses"] and all(
            refused == (factor > limit[dtype, axes]) for (dtype, axes, factor), refused in ns["cuda_refuses"].items()
        )


def test_the_float64_one_axis_limit_is_the_last_number_the_large_factors_cell_prints(ns):
    """Review r132-6: the page points at float64's one-axis CUDA limit as "the last number printed" (zh 最后打印的
    那个数) by the large_factors cell, which a GPU build follows with a check of its own: that line prints a
    verdict and no number, so the pointer holds on every build."""
    import re

    from helpers import printed_by

    printed = printed_by("downsample_module.py")
    start = printed.index("Downsample: ")
    cell = printed[start : printed.index("| method | float16", start)]
    numbers = re.findall(r"\d+", cell)
    assert int(numbers[-1]) == ns["cuda_limit"][torch.float64, "one axis"] < 100
    assert cell.rstrip().splitlines()[-1].startswith("CUDA, float64: ")
    source = (ROOT / "examples" / "downsample_module.py").read_text(encoding="utf-8")
    gpu = source[source.index('if device.type == "cuda":  # the arithmetic against the kernel itself') :]
    gpu = gpu[: gpu.index("# %% dtypes")]
    ((text, value),) = re.findall(r'print\("([^"]*)", (.*)\)', gpu)
    assert not re.search(r"\d", text) and value.startswith("all("), (text, value)  # a verdict, True or False
    assert_pages_say(
        (
            "downsample-module.md",
            "one axis per call takes float32 past 100, but not float64, whose limit is the last number printed",
        ),
        ("downsample-module.zh.md", "float64 仍然不行，它的上限是最后打印的那个数"),
    )


def test_filter_minimums_at_factor_2(ns, Downsample):
    """The page: with reflect padding, 6-tap blur and every max-blur filter need more than a block; replicate and zeros never."""
    minimum = ns["filter_minimum"]
    assert {key for key, size in minimum.items() if size > 2} == {
        ("blur", 6, "reflect"),
        ("max-blur", 3, "reflect"),
        ("max-blur", 5, "reflect"),
        ("max-blur", 7, "reflect"),
        ("max-blur", 5, "circular"),
        ("max-blur", 7, "circular"),
    }
    for method, sizes in Downsample.ALIGNED_FILTERS.items():
        for filter_size, mode, k in itertools.product(sizes, ("replicate", "zeros"), (2, 4, 8)):
            assert Downsample(k, method, filter_size=filter_size, padding_mode=mode).minimum_size == k, (
                method,
                filter_size,
                mode,
                k,
            )


@pytest.mark.parametrize("dtype", FLOATS)
def test_dtype_follows_the_input(Downsample, dtype):
    """Every method, factor and padding mode, without converting the module (N5)."""
    tolerance = {torch.float16: 3e-3, torch.bfloat16: 3e-2}.get(dtype, 1e-6)
    generator = torch.Generator().manual_seed(1)
    for method, k, mode, down in modules(Downsample):
        for size in (down.minimum_size, 8, 9):
            if method == "pixel-unshuffle" and size % k:
                continue
            x = torch.randn(2, 2, size, size, dtype=torch.float64, generator=generator)
            y = down(x.to(dtype))
            assert y.dtype == dtype, (method, k, mode, dtype)
            scale = 1 + x.abs().max().item()
            torch.testing.assert_close(
                y.double(), down(x), atol=tolerance * scale, rtol=tolerance, msg=lambda m: f"{method} {k} {mode}: {m}"
            )
    if dtype != torch.float64:
        for other in (torch.uint8, torch.int64, torch.bool, torch.complex64, torch.float8_e4m3fn, torch.float8_e5m2):
            for method in Downsample.METHODS:
                with pytest.raises(TypeError, match=f"float16, bfloat16, float32 or float64, got {other}"):
                    Downsample(2, method, channels=1)(torch.zeros(1, 1, 4, 4, dtype=other))


def test_under_cpu_autocast_only_the_conv2d_methods_leave_the_input_dtype(Downsample):
    """The dtype promise holds outside autocast: inside, F.conv2d follows autocast's bfloat16.
    Review 64: float16 inputs too (the page named float32 only), not only float32 ones."""
    for dtype, size in itertools.product(FLOATS, (8, 9)):
        x = torch.randn(1, 2, size, size, dtype=dtype)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            changed = {
                m
                for m in Downsample.METHODS
                if m != "pixel-unshuffle" or size % 2 == 0
                if Downsample(2, m, channels=2)(x).dtype != dtype
            }
        lowered = dtype in (torch.float32, torch.float16)
        assert changed == ({"blur", "max-blur", "conv"} if lowered else set()), (dtype, size, changed)
    assert "a float32 or float16 input" in " ".join(
        (ROOT / "docs" / "downsample-module.md").read_text(encoding="utf-8").split()
    )
    assert "float32 或 float16 输入得到的都是 bfloat16 输出" in (ROOT / "docs" / "downsample-module.zh.md").read_text(
        encoding="utf-8"
    )


def test_page_reports_kept_dtypes(ns):
    assert len(ns["kept_dtype"]) == 8 * 4 and all(ns["kept_dtype"].values())
    assert ns["dtype_error"]["avg", torch.float64] == 0


def ramp_positions(down, width):
    """Where output i sits along the width: a ramp and its negation, mean over channels."""
    ramp = torch.arange(float(width), dtype=torch.float64).expand(
        1, 2, width, width
    )  # tall enough that no padding reaches the middle row
    position = (down(ramp) - down(-ramp)) / 2
    return position.mean(dim=1)[0, position.shape[-2] // 2]


def test_every_method_samples_at_block_centres(Downsample):
    """Output i sits at k*i + (k-1)/2 for every method but 'area', at every width (N2), factors 2 to 5 and 8."""
    for method, k, mode, down in modules(Downsample, factors=(2, 3, 4, 5, 8)):
        if method == "conv":
            with torch.no_grad():  # uniform weights make the convolution a mean whose position is measurable
                down.weight.fill_(1 / (2 * k * k))
                down.bias.zero_()
        for width in range(12 * k, 12 * k + k + 1):
            if method == "pixel-unshuffle" and width % k:
                continue
            where = ramp_positions(down, width)
            centres = k * torch.arange(float(len(where)), dtype=torch.float64) + (k - 1) / 2
            aligned = torch.allclose(where[3:-3], centres[3:-3], atol=1e-9)  # outputs that reach no border
            if method == "area":  # adaptive windows stretch over the rows a non-dividing size leaves
                assert aligned == (width % k == 0), (k, width)
            else:
                assert aligned, (method, k, mode, width, (where - centres).tolist())


def test_conv_reads_exactly_its_block(Downsample):
    x = torch.randn(1, 3, 12, 12, requires_grad=True)
    out = Downsample(3, "conv", channels=3)(x)
    (grad,) = torch.autograd.grad(out[0, 0, 1, 2], x)
    assert torch.equal(
        grad[0].abs().sum(0).nonzero().unique(dim=0), torch.tensor([[r, c] for r in range(3, 6) for c in range(6, 9)])
    )


def test_phase_table(ns):
    phase = ns["phase"]
    for method in ns["Downsample"].METHODS:
        expected = {2: "+0.50", 3: "+1.00", 4: "+1.50"}
        if "blur" in method:
            expected[3] = "n/a"
        if method == "pixel-unshuffle":
            expected[3] = "+1.00"
        assert phase[method] == expected, method
    # Zhang's own modules: an odd filter samples like x[::2]; his default MaxBlurPool one pixel later
    assert phase["BlurPool(filter_size=5)"][2] == "+0.00" and phase["BlurPool(filter_size=4)"][2] == "+0.50"
    assert phase["MaxBlurPool() (2x2 max, 4 taps)"][2] == "+1.00" and phase["MaxBlurPool(filter_size=5)"][2] == "+0.50"


def test_odd_width_drift(ns):
    drift = ns["odd_drift"]
    assert all(
        v == 0 for v in drift["Downsample(2, 'antialias-bilinear')"][1:]
    )  # the first sample is cut by the border
    assert drift["Downsample(2, 'antialias-bilinear')"][0] > 0
    assert drift["Downsample(2, 'area')"] == [0.5] * 7
    # at factor 4, 25 px: the border cuts the last filter too, and only the border samples move
    at_4 = drift["Downsample(4, 'antialias-bilinear'), 25 px"]
    assert at_4[0] > 0 and at_4[-1] < 0 and all(v == 0 for v in at_4[1:-1])
    assert max(abs(v) for v in drift["F.interpolate(size=7, antialias=True)"][1:-1]) > 0.3
    # on a size that divides, the outermost samples of the filters wider than a block move inwards
    # too (so "output i sits at the block centre" holds away from the borders only); the others stay
    for method in ("antialias-bilinear", "blur", "max-blur"):
        at_16 = drift[f"Downsample(2, {method!r}), 16 px"]
        assert len(at_16) == 8 and at_16[0] > 0.1 and at_16[-1] < -0.1 and all(v == 0 for v in at_16[1:-1]), method
    for method in ("max", "avg", "area", "pixel-unshuffle"):
        where = ramp_positions(ns["Downsample"](2, method), 16)
        torch.testing.assert_close(where, 2 * torch.arange(8.0, dtype=torch.float64) + 0.5, atol=1e-9, rtol=0)


def test_methods_compute_what_they_say(Downsample):
    x = torch.randn(1, 3, 17, 16, generator=torch.Generator().manual_seed(1))
    assert torch.equal(Downsample(2, method="max")(x), F.max_pool2d(x, 2))
    assert torch.equal(Downsample(2, method="avg")(x), F.avg_pool2d(x, 2))
    assert torch.equal(Downsample(2, method="area")(x), F.adaptive_avg_pool2d(x, (8, 8)))
    assert torch.equal(
        Downsample(2, method="antialias-bilinear")(x),
        F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True),
    )
    assert torch.equal(Downsample(2, method="pixel-unshuffle")(x[..., :16, :]), F.pixel_unshuffle(x[..., :16, :], 2))
    assert torch.equal(Downsample(2, method="blur")(x), blur_pool(x, 4, 2, "reflect", ceil_mode=False))
    assert torch.equal(Downsample(2, method="max-blur")(x), MaxBlurPool(2, 5, 2, "reflect", ceil_mode=True)(x))
    blur2 = Downsample(2, method="blur")
    assert torch.equal(Downsample(4, method="blur")(x), blur2(blur2(x)))
    conv = Downsample(2, method="conv", channels=3)
    assert torch.equal(conv(x), F.conv2d(x, conv.weight, conv.bias, stride=2))
    # at factor 2, [1, 3, 3, 1] / 8 is the antialiased bilinear tent: equal away from the borders
    torch.testing.assert_close(
        Downsample(2, "blur")(x)[..., 1:-1, 1:-1], Downsample(2, "antialias-bilinear")(x)[..., 1:-1, 1:-1]
    )


@pytest.mark.parametrize("factor", [2, 4])
def test_parameters_and_state(Downsample, factor):
    for method in Downsample.METHODS:
        down = Downsample(factor, method=method, channels=8)
        count = sum(p.numel() for p in down.parameters())
        assert count == (8 * 8 * factor * factor + 8 if method == "conv" else 0), method
        assert list(down.buffers()) == []  # filters are built per call, in the input's dtype
        assert set(down.state_dict()) == ({"weight", "bias"} if method == "conv" else set())


def test_channels_is_kept_only_where_it_is_used(Downsample):
    assert Downsample(2, "avg", channels=16).channels is None and "channels" not in repr(
        Downsample(2, "avg", channels=16)
    )
    assert Downsample(2, "conv", channels=16).channels == 16


def test_repr_mirrors_upsample(Downsample):
    assert (
        repr(Downsample(2, method="blur"))
        == "Downsample(factor=2, method='blur', filter=[1, 3, 3, 1], padding_mode='reflect')"
    )
    assert repr(Downsample(4, method="conv", channels=16)) == "Downsample(factor=4, method='conv', channels=16)"
    assert repr(nn.Upsample(scale_factor=2, mode="bilinear")) == "Upsample(scale_factor=2.0, mode='bilinear')"


@pytest.mark.parametrize(
    "arguments,message",
    [
        ({"factor": 1}, "integer >= 2"),
        ({"factor": 2.5}, "integer >= 2"),
        ({"factor": True}, "integer >= 2"),
        ({"factor": 2, "method": "bilinear"}, "must be one of"),
        ({"factor": 3, "method": "blur"}, "power of 2"),
        ({"factor": 6, "method": "max-blur"}, "power of 2"),
        ({"factor": 2, "method": "blur", "filter_size": 5}, r"filter_size in \(2, 4, 6\)"),
        ({"factor": 2, "method": "max-blur", "filter_size": 4}, r"filter_size in \(3, 5, 7\)"),
        ({"factor": 2, "method": "blur", "filter_size": 4.0}, r"filter_size in \(2, 4, 6\)"),
        ({"factor": 2, "method": "max-blur", "filter_size": 5.0}, r"filter_size in \(3, 5, 7\)"),
        ({"factor": 2, "method": "avg", "filter_size": 4}, "applies to 'blur' and 'max-blur' only"),
        ({"factor": 2, "method": "blur", "padding_mode": "constant"}, "padding_mode must be one of"),
        ({"factor": 2, "method": "conv"}, "pass channels"),
        ({"factor": 2, "method": "conv", "channels": 0}, "pass channels"),
        ({"factor": 2, "method": "conv", "channels": True}, "pass channels"),
        ({"factor": torch.tensor(2)}, "integer >= 2"),
    ],
)
def test_bad_arguments_fail_at_construction(Downsample, arguments, message):
    with pytest.raises(ValueError, match=message):
        Downsample(**arguments)


def test_a_bad_channels_fails_at_construction_for_every_method(Downsample):
    """Review 121-6: the page says 'Bad arguments fail when the module is built'; channels=-5, 'x', 2.5 or True
    was refused by 'conv' only, and every other method built a module with it. Now every method refuses it, and
    still takes None or a positive integer, which it keeps only for 'conv'."""
    import numpy as np

    for method, channels in itertools.product(Downsample.METHODS, (-5, 0, "x", 2.5, True, torch.tensor(3))):
        with pytest.raises(ValueError, match="channels"):
            Downsample(2, method, channels=channels)
    for method, channels in itertools.product(Downsample.METHODS, (None, 3, np.int64(3))):
        if channels is not None or method != "conv":
            assert Downsample(2, method, channels=channels).channels == (3 if method == "conv" else None)
    assert_pages_say(
        ("downsample-module.md", "Bad arguments fail when the module is built, with a message that says what to do")
    )


def test_numpy_integer_arguments_are_integers_and_give_what_ints_give(Downsample):
    """Review r116-6: the page says Downsample shrinks 'by an integer factor' and that bad arguments fail
    with a message saying what to do; a NumPy integer factor, filter_size or channels was refused with
    'factor must be an integer >= 2, got np.int64(2)'. Now every NumPy integer width is taken, stored as an int
    (TorchScript takes the module), and gives the bits the int gives."""
    import numpy as np

    x = torch.randn(2, 3, 17, 16, generator=torch.Generator().manual_seed(5))
    for integer, method, k in itertools.product((np.int8, np.int32, np.int64, np.uint16), Downsample.METHODS, (2, 4)):
        filter_size = {"blur": 6, "max-blur": 3}.get(method)
        given = {"filter_size": integer(filter_size)} if filter_size else {}
        torch.manual_seed(0)
        numpy_module = Downsample(integer(k), method, channels=integer(3), **given)
        torch.manual_seed(0)
        int_module = Downsample(k, method, channels=3, filter_size=filter_size)
        assert repr(numpy_module) == repr(int_module)
        assert all(
            type(value) is int for value in (numpy_module.factor, numpy_module.filter_size, numpy_module.minimum_size)
        )
        crop = x if method != "pixel-unshuffle" else x[..., :16, :]
        assert torch.equal(numpy_module(crop), int_module(crop)), (integer, method, k)
    assert torch.equal(torch.jit.script(Downsample(np.int64(4), "blur"))(x), Downsample(4, "blur")(x))


def test_an_empty_batch_gives_floor_sizes_for_every_method(Downsample):
    for method in Downsample.METHODS:
        for k in (2, 4):
            assert Downsample(k, method, channels=2)(torch.zeros(0, 2, 8, 12)).shape[-2:] == (8 // k, 12 // k), (
                method,
                k,
            )


def test_bad_inputs_fail_with_a_clear_message(Downsample):
    with pytest.raises(ValueError, match="4-D"):
        Downsample(2)(torch.zeros(16, 32, 32))
    with pytest.raises(ValueError, match=r"divisible by 2, got 15x15"):
        Downsample(2, method="pixel-unshuffle")(torch.zeros(1, 1, 15, 15))


def test_torch_compile_over_sizes_and_dtypes(Downsample):
    """fullgraph=True (no graph break) with a recording backend, so a fallback to eager cannot pass."""
    graphs = []

    def recording(gm, inputs):
        graphs.append(gm)
        return gm.forward

    for method in Downsample.METHODS:
        torch.compiler.reset()
        graphs.clear()
        down = Downsample(2, method=method, channels=2)
        compiled = torch.compile(down, backend=recording, fullgraph=True)
        for (height, width), dtype in itertools.product(
            [(9, 8), (8, 8), (5, 7), (4, 4), (16, 10)], (torch.float32, torch.float64)
        ):
            if method == "pixel-unshuffle" and (height % 2 or width % 2):
                continue
            x = torch.randn(1, 2, height, width, dtype=dtype)
            assert torch.equal(compiled(x), down(x)), (method, height, width, dtype)
        # compiled, and under Dynamo's limit of 8 graphs per function, past which it would run eager
        assert 1 <= len(graphs) < torch._dynamo.config.recompile_limit, method
    # below the minimum: fullgraph turns the ValueError into Dynamo's Unsupported, with the message kept
    torch.compiler.reset()
    with pytest.raises(torch._dynamo.exc.Unsupported, match="at least 4, got 3x3"):
        torch.compile(Downsample(2, "max-blur"), backend="eager", fullgraph=True)(torch.zeros(1, 1, 3, 3))
    torch.compiler.reset()
    with pytest.raises(ValueError, match="at least 4, got 3x3"):
        torch.compile(Downsample(2, "max-blur"), backend="eager")(torch.zeros(1, 1, 3, 3))


def test_torch_compile_at_factors_3_and_4(Downsample):
    """The page's compile claim at the other factors: stage loops (blur at 4) and odd blocks (3), on sizes that do not divide."""
    for method, k, mode, down in modules(Downsample, factors=(3, 4)):
        if mode != "reflect":
            continue
        torch.compiler.reset()
        size = (4 * k, 4 * k) if method == "pixel-unshuffle" else (5 * k + 1, 5 * k - 1)
        x = torch.randn(1, 2, *size)
        assert torch.equal(torch.compile(down, backend="eager", fullgraph=True)(x), down(x)), (method, k)


def test_torch_compile_aot_eager_forward_and_backward(Downsample):
    for method in Downsample.METHODS:
        torch.compiler.reset()
        down = Downsample(2, method=method, channels=2)
        x = torch.randn(1, 2, 10, 12, requires_grad=True)
        y = torch.compile(down, backend="aot_eager", fullgraph=True)(x)
        (grad,) = torch.autograd.grad(y.square().sum(), x)
        (expected,) = torch.autograd.grad(down(x).square().sum(), x)
        torch.testing.assert_close(y, down(x), rtol=1e-6, atol=1e-6)
        torch.testing.assert_close(grad, expected, rtol=1e-6, atol=1e-6)


def test_torchscript_over_sizes(Downsample):
    for method, k, mode, down in modules(Downsample, factors=(2, 3, 4)):
        scripted = torch.jit.script(down)
        for height, width in ((9, 8), (8, 8), (4, 5), (16, 16)):
            x = torch.randn(1, 2, height, width)
            if min(height, width) < down.minimum_size or (method == "pixel-unshuffle" and (height % k or width % k)):
                with pytest.raises(torch.jit.Error, match=f"got {height}x{width}"):
                    scripted(x)
            else:
                assert torch.equal(scripted(x), down(x)), (method, k, mode, height, width)


def test_page_compile_and_script_tables(ns):
    assert all(ns["compiled"].values()) and all(ns["scripted"].values()) and len(ns["compiled"]) == 8
    assert ns["deprecation"] and "deprecated" in ns["deprecation"][0]
    small = ns["small_input"]
    assert small["eager"][0] is ValueError and small["torch.compile"][0] is ValueError
    assert small["torch.compile(fullgraph=True)"][0] is torch._dynamo.exc.Unsupported
    assert small["torch.jit.script"][0] is torch.jit.Error and not issubclass(torch.jit.Error, RuntimeError)
    assert all(names for _, names in small.values())


def test_odd_sizes_reach(ns):
    assert ns["reach"] == {"max": 49, "avg": 196, "area": 225, "antialias-bilinear": 225, "blur": 225}


def test_odd_sizes_comment_names_its_case(ns):
    # Review r102-6: the cell's comment said "every method gives floor(H / k)" and "at factor 2 the filters of
    # 'antialias-bilinear' and 'blur' are wider than a block and reach them": 'pixel-unshuffle' refuses 15x15, and
    # 'blur' with filter_size=2 ([1, 1], one block wide) never reads the last row. The comment and the pages now
    # name the cell's case and the default filters.
    down = ns["Downsample"]
    for size in (5, 9, 15, 21):
        with pytest.raises(ValueError, match="divisible"):
            down(2, "pixel-unshuffle")(torch.randn(1, 1, size, size))

    def last_row_reached(size, **kwargs):
        x = torch.randn(1, 2, size, size, dtype=torch.float64, requires_grad=True)
        (grad,) = torch.autograd.grad(down(2, "blur", **kwargs)(x).sum(), x)
        return bool((grad[..., -1, :] != 0).any())

    for size in range(5, 26, 2):
        assert not last_row_reached(size, filter_size=2)
        assert last_row_reached(size) and last_row_reached(size, filter_size=6)
    cell = (ROOT / "examples" / "downsample_module.py").read_text(encoding="utf-8").split("# %% odd_sizes")[1]
    comment = cell.split("odd = ")[0]
    assert "every method" not in comment and "which 'pixel-unshuffle' refuses" in comment
    assert "the default\n# filters of 'antialias-bilinear' and 'blur'" in comment
    assert_pages_say(
        ("downsample-module.md", "the default filters of `'antialias-bilinear'` and `'blur'`"),
        ("downsample-module.zh.md", "`'antialias-bilinear'` 和 `'blur'` 的默认滤波器比一个块宽"),
    )


def test_antialias_reach_stops_short_from_factor_3(ns):
    # The page says the antialiased filter reaches the leftover rows at factor 2 only:
    # 5 pixels at factor 3 leave the last row out; every odd size at factor 2 reaches it.
    down = ns["Downsample"]

    def last_row_reached(k, size):
        x = torch.randn(1, 1, size, size, dtype=torch.float64, requires_grad=True)
        (grad,) = torch.autograd.grad(down(k, "antialias-bilinear")(x).sum(), x)
        return bool((grad[0, 0, -1] != 0).any())

    assert not last_row_reached(3, 5)
    assert all(last_row_reached(2, size) for size in range(3, 40, 2))
    # Review r129-6: "from factor 3" was checked at factor 3 alone. At every factor k from 3 on, one block and k - 1
    # leftover rows put the last row (3k - 3) / 2 >= k pixels from the block's centre, outside the tent; at factor 2
    # (1.5 < 2) it never is. Swept here for k = 3 ... 24, one and two blocks.
    for k in range(3, 25):
        assert not last_row_reached(k, 2 * k - 1) and not last_row_reached(k, 3 * k - 1), k
    assert_pages_say(
        (
            "downsample-module.md",
            "(from factor 3 the antialiased filter, *k* pixels to each side of the last block's centre,",
        ),
        ("downsample-module.zh.md", "从 3 倍起，抗混叠滤波器只伸到最后一个块中心两侧各 *k* 个像素，可能够不到最后一行"),
    )


def test_encoder_decoder_and_roundtrips(ns):
    assert tuple(ns["h"].shape) == (1, 3, 64, 64)
    assert torch.equal(ns["roundtrip"], ns["x"])
    assert ns["halved"].shape[-2:] == (7, 7)
    assert nn.Upsample(scale_factor=2)(ns["halved"]).shape[-2:] == (14, 14)


def test_skip_connection_alignment(ns):
    """size= stretches the grid by 15/14; scale_factor=2 puts the samples back where they came from."""
    error = ns["skip_error"]
    assert error["F.interpolate(scale_factor=2), then pad 1"] < 1e-6
    assert error["F.interpolate(size=(15, 15))"] > 0.5
    assert all(tuple(y.shape[-2:]) == (15, 15) for y in ns["returned"].values())


def test_measurements_are_interior_and_per_position(ns):
    """N3: spikes away from the border, at every position in a block; the blur tent keeps (3/8)^2."""
    f = ns["facts"]
    assert f["blur"]["peak kept min"] == pytest.approx((3 / 8) ** 2) and f["blur"]["peak kept max"] == pytest.approx(
        (3 / 8) ** 2
    )
    assert f["avg"]["peak kept min"] == f["avg"]["peak kept max"] == pytest.approx(0.25)
    assert f["max"]["peak kept min"] == 1.0
    assert {m: f[m]["footprint"] for m in f} == {
        "max": 4,
        "avg": 4,
        "area": 4,
        "antialias-bilinear": 16,
        "blur": 16,
        "max-blur": 36,
        "conv": 4,
        "pixel-unshuffle": 4,
    }


def test_decision_table_facts(ns):
    f = ns["facts"]
    same = [m for m in f if m != "pixel-unshuffle"]
    others = lambda *names: [m for m in same if m not in names]  # noqa: E731
    # keep the strongest activation: only max keeps a lone peak at full height, wherever it is
    assert f["max"]["peak kept min"] == 1.0 and all(f[m]["peak kept max"] < 0.7 for m in others("max"))
    # ... besides pixel-unshuffle, which keeps every pixel in more channels
    assert f["pixel-unshuffle"]["peak kept min"] == 1.0
    # max-blur: the lowest shift error by a clear margin, and more of a peak than any fixed linear filter;
    # the untrained conv can keep more, by the chance of its random weights
    assert f["max-blur"]["shift error"] < 0.75 * min(f[m]["shift error"] for m in others("max-blur"))
    assert f["max-blur"]["peak kept min"] > max(
        f[m]["peak kept max"] for m in ("avg", "area", "antialias-bilinear", "blur")
    )
    assert f["conv"]["peak kept max"] > f["max-blur"]["peak kept min"]
    # folded energy only for the linear methods
    assert [m for m in same if "folded energy" not in f[m]] == ["max", "max-blur"]
    # blur: the least folding of the linear methods and the least noise, tied with antialias-bilinear (the same tent at factor 2)
    for key in ("folded energy", "noise left"):
        assert f["blur"][key] == pytest.approx(f["antialias-bilinear"][key], rel=1e-4), key
    assert f["blur"]["folded energy"] < 0.5 * min(
        f[m]["folded energy"] for m in others("blur", "antialias-bilinear", "max", "max-blur")
    )
    assert f["blur"]["noise left"] < 0.98 * min(f[m]["noise left"] for m in others("blur", "antialias-bilinear"))
    # N4: avg does not leave the least noise; it leaves the mean of 4 independent pixels, 1/2
    assert (
        f["avg"]["noise left"] == pytest.approx(0.5, abs=0.01)
        and f["avg"]["noise left"] > f["blur"]["noise left"] * 1.3
    )
    # resize as Pillow does
    assert (
        f["antialias-bilinear"]["max diff to Pillow"] < 1e-5
        and min(f["blur"]["max diff to Pillow"], f["avg"]["max diff to Pillow"]) > 0.01
    )
    # ... only at sizes the factor divides: Pillow takes an output size, as F.interpolate(size=...) does
    assert f["antialias-bilinear"]["max diff to Pillow, 63x63"] > 0.05 and ns["pillow_by_size"] < 1e-5
    # conv: the only parameters, all learn, and untrained the worst shift error
    assert [m for m in f if f[m]["parameters"]] == ["conv"] and f["conv"]["learnable"]
    assert max(same, key=lambda m: f[m]["shift error"]) == "conv"
    # lossless: exactly zero, every other method loses information
    assert f["pixel-unshuffle"]["reconstruction error"] == 0
    assert all(f[m]["reconstruction error"] > 0.3 for m in same)


def test_noise_left_is_what_the_noise_leaves_without_the_bias_of_conv(ns, Downsample):
    """Review r127-6: 'noise left' was the spread of the output for white noise, which for 'conv' also
    held the spread of its 16 biases across channels (a constant per channel, not noise: 0.586 where the
    noise alone leaves 0.583). The script now subtracts the output for a zero input, as it does for the
    peaks; for every other method that output is exactly 0, so their numbers do not move."""
    f, noise, periodic = ns["facts"], ns["noise"], ns["periodic"]
    for method in Downsample.METHODS:
        torch.manual_seed(0)  # the script's construction: 'conv' draws the same weights and bias
        down = Downsample(2, method=method, channels=16)
        with torch.no_grad():
            output, for_zeros = periodic(down, noise), periodic(down, torch.zeros_like(noise))
        assert f[method]["noise left"] == pytest.approx(
            (output - for_zeros).std().item() / noise.std().item(), rel=1e-9
        )
        if method == "conv":  # the bias alone moves the spread by more than the table's third decimal
            assert torch.equal(for_zeros, down.bias.view(1, -1, 1, 1).expand_as(for_zeros))
            assert abs(output.std().item() - (output - for_zeros).std().item()) / noise.std().item() > 1e-3
        else:
            assert not for_zeros.any(), method
    assert_pages_say(
        ("downsample-module.md", "the output for a zero input subtracted first: that takes out `'conv'`'s bias"),
        ("downsample-module.zh.md", "先减去输入全为零时的输出：这样去掉的是 `'conv'` 的偏置"),
    )


def test_antialias_bilinear_is_pillows_bilinear_at_every_factor_that_divides(Downsample):
    """The page measures factor 2; the claim is for any factor that divides the size (non-square too)."""
    import numpy as np
    from PIL import Image

    generator = torch.Generator().manual_seed(10)
    for k in (2, 3, 4, 5, 7, 8, 16):
        for height, width in ((8 * k, 10 * k), (5 * k, 3 * k), (4 * k, k)):  # (4k, k): an output one pixel wide
            x = torch.rand(1, 1, height, width, generator=generator)
            small = Image.fromarray(x[0, 0].numpy(), mode="F").resize(
                (width // k, height // k), Image.Resampling.BILINEAR
            )
            torch.testing.assert_close(
                Downsample(k, "antialias-bilinear")(x)[0, 0],
                torch.from_numpy(np.asarray(small).copy()),
                atol=1e-6,
                rtol=0,
            )


def test_decision_table_rows_are_the_measured_choices(ns):
    assert [method for _, method, _ in ns["rows"]] == [
        "max",
        "max-blur",
        "blur",
        "antialias-bilinear",
        "avg",
        "area",
        "conv",
        "pixel-unshuffle",
    ]
    assert ns["strongest"] == "max" and ns["runner_up"] == "max-blur" and ns["steadiest"] == "max-blur"


@pytest.mark.parametrize(
    "method,filter_size", [("blur", 2), ("blur", 4), ("blur", 6), ("max-blur", 3), ("max-blur", 5), ("max-blur", 7)]
)
@pytest.mark.parametrize("factor", [2, 4])
def test_every_allowed_filter_samples_at_block_centres(Downsample, method, filter_size, factor):
    down = Downsample(factor, method=method, filter_size=filter_size)
    where = ramp_positions(down, 16 * factor)
    centres = factor * torch.arange(float(len(where)), dtype=torch.float64) + (factor - 1) / 2
    torch.testing.assert_close(where[4:-4], centres[4:-4])


def test_conv_parameters_stay_float32_and_learn_from_half_precision_and_float64(Downsample):
    """The cell's comment said 'as autocast would', which casts to its own dtype, not the input's (review r132-6)."""
    source = (ROOT / "examples" / "_downsample.py").read_text(encoding="utf-8")
    assert "# 'conv': cast on each call, so float32 parameters serve float16, bfloat16 and float64 input" in source
    down = Downsample(2, "conv", channels=3)
    for dtype in (torch.float16, torch.bfloat16, torch.float64):
        down.zero_grad()
        y = down(torch.randn(1, 3, 8, 8).to(dtype))
        y.float().square().sum().backward()
        assert y.dtype == dtype and down.weight.dtype == torch.float32 and down.weight.grad.dtype == torch.float32
        assert down.weight.grad.abs().sum() > 0


def test_cpu_antialias_kernel_has_no_half_precision():
    """Why 'antialias-bilinear' goes through float32 for float16 and bfloat16."""
    for dtype in (torch.float16, torch.bfloat16):
        with pytest.raises(NotImplementedError):
            F.interpolate(torch.zeros(1, 1, 8, 8, dtype=dtype), scale_factor=0.5, mode="bilinear", antialias=True)


def test_blur_and_antialias_bilinear_differ_at_borders_and_at_factor_4(Downsample):
    x = torch.randn(1, 3, 32, 32, generator=torch.Generator().manual_seed(5))
    blur, tent = Downsample(2, "blur")(x), Downsample(2, "antialias-bilinear")(x)
    torch.testing.assert_close(blur[..., 1:-1, 1:-1], tent[..., 1:-1, 1:-1])
    assert (blur - tent)[..., 0, :].abs().max() > 1e-3
    assert (Downsample(4, "blur")(x) - Downsample(4, "antialias-bilinear")(x))[..., 2:-2, 2:-2].abs().max() > 1e-3


def test_area_is_avg_when_the_factor_divides(Downsample):
    generator = torch.Generator().manual_seed(6)
    for k, blocks_h, blocks_w in itertools.product((2, 3, 4), (1, 2, 5), (1, 3)):
        x = torch.randn(1, 2, k * blocks_h, k * blocks_w, generator=generator)
        torch.testing.assert_close(Downsample(k, "area")(x), Downsample(k, "avg")(x))


def test_channels_last_gives_the_same_values(Downsample):
    x = torch.randn(2, 2, 12, 16, generator=torch.Generator().manual_seed(8))
    for method, k, mode, down in modules(Downsample, factors=(2, 4)):
        if mode == "reflect":
            torch.testing.assert_close(
                down(x.to(memory_format=torch.channels_last)), down(x), msg=lambda m: f"{method} {k}: {m}"
            )


def test_untrained_conv_has_the_worst_shift_error_at_every_seed(ns):
    """'until it is trained, the worst shift error of all' is a claim about the default initialisation, not one seed."""
    f, Downsample = ns["facts"], ns["Downsample"]
    periodic, half_pixel_shift, spread, images = ns["periodic"], ns["half_pixel_shift"], ns["spread"], ns["images"]
    runner_up = max(f[m]["shift error"] for m in f if m not in ("conv", "pixel-unshuffle"))
    for seed in range(1, 6):
        torch.manual_seed(seed)
        down = Downsample(2, "conv", channels=16)
        with torch.no_grad():
            small = periodic(down, images)
            moved = [
                (periodic(down, images.roll(1, dims=d)) - half_pixel_shift(small, d)).norm() / spread(small)
                for d in (-2, -1)
            ]
        assert (sum(moved) / 2).item() > 1.2 * runner_up, seed


def test_opencv_inter_linear_is_not_antialias_bilinear(Downsample):
    """'as Pillow does', not 'as image libraries do': OpenCV's INTER_LINEAR does not antialias (factor 2: 'avg')."""
    import cv2

    generator = torch.Generator().manual_seed(11)
    for k in (2, 3, 4):
        for height, width in ((8 * k, 10 * k), (5 * k, 3 * k)):
            x = torch.rand(1, 1, height, width, generator=generator)
            opencv = torch.from_numpy(
                cv2.resize(x[0, 0].numpy(), (width // k, height // k), interpolation=cv2.INTER_LINEAR)
            )
            assert (Downsample(k, "antialias-bilinear")(x)[0, 0] - opencv).abs().max() > 0.05
            if k == 2:
                torch.testing.assert_close(Downsample(k, "avg")(x)[0, 0], opencv, atol=1e-6, rtol=0)


def test_opencv_inter_linear_at_factor_2_can_equal_avg_bit_for_bit(Downsample):
    """Review r105-6: the page said OpenCV's INTER_LINEAR gives 'avg' on float images 'to float rounding, not bit
    for bit'. A one-channel image differs in the last bit, but a two-channel one comes back bit for bit, in float32
    and float64, with IPP on or off: the page now says 'to float rounding' alone."""
    import cv2
    import numpy as np

    had_ipp = cv2.ipp.useIPP()
    generator = torch.Generator().manual_seed(5)
    try:
        for ipp, dtype, (height, width) in itertools.product(
            (True, False), (torch.float32, torch.float64), ((2, 2), (8, 10), (64, 48), (130, 66))
        ):
            cv2.ipp.setUseIPP(ipp)
            x = torch.randn(1, 2, height, width, generator=generator, dtype=dtype) * 100
            image = np.ascontiguousarray(x[0].permute(1, 2, 0).numpy())
            opencv = torch.from_numpy(cv2.resize(image, (width // 2, height // 2), interpolation=cv2.INTER_LINEAR))
            assert torch.equal(Downsample(2, "avg")(x)[0].permute(1, 2, 0), opencv), (ipp, dtype, height, width)
            # review r107-6: the page said "on float images", but cv2.resize refuses float16 ones
            with pytest.raises(cv2.error):
                cv2.resize(image.astype(np.float16), (width // 2, height // 2), interpolation=cv2.INTER_LINEAR)
    finally:
        cv2.ipp.setUseIPP(had_ipp)
    assert_pages_say(
        (
            "downsample-module.md",
            "on float32 and float64 images to float rounding, except in some\n  cases, among them three where OpenCV's IPP",
        ),
        (
            "downsample-module.zh.md",
            "float32 和 float64 图像在浮点舍入误差内一致，但有些情形例外，其中三种出现在 OpenCV 走 IPP 代码时",
        ),
    )
    for page in ("downsample-module.md", "downsample-module.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert "float rounding, not bit for bit, with two" not in text and "并非逐位相同，而且在 OpenCV" not in text


def test_opencv_without_ipp_parts_from_avg_too_on_four_channels(Downsample):
    """Review r108-6: the page said OpenCV gives 'avg' on float32 and float64 images to float rounding "except in some
    cases where OpenCV's IPP code runs", but with IPP off its 4-channel code adds a block's columns first: a block of
    float32 3e38 above -3e38 gives 'avg' inf (its first row overflows) and OpenCV inf + -inf = NaN. The page now says that
    three of the exceptions are IPP's, not that all are."""
    import cv2
    import numpy as np

    had_ipp = cv2.ipp.useIPP()
    try:
        cv2.ipp.setUseIPP(False)
        for sign, (height, width) in itertools.product((1, -1), ((2, 2), (4, 6), (8, 34), (10, 64))):
            tile = np.array([[3e38, 3e38], [-3e38, -3e38]], np.float32) * sign
            x = np.ascontiguousarray(np.tile(tile[:, :, None], (height // 2, width // 2, 4)))
            opencv = cv2.resize(x, (width // 2, height // 2), interpolation=cv2.INTER_LINEAR)
            ours = Downsample(2, "avg")(torch.from_numpy(x).permute(2, 0, 1)[None])[0].permute(1, 2, 0).numpy()
            assert (ours == sign * np.inf).all() and np.isnan(opencv).all(), (sign, height, width)
    finally:
        cv2.ipp.setUseIPP(had_ipp)
    for page in ("downsample-module.md", "downsample-module.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert (
            "except in some\n  cases where OpenCV's IPP code runs" not in text
            and "但 OpenCV 走 IPP 代码时，有些情形例外" not in text
        )


def _pillow_8_bit_weights(size_in, size_out, index):
    """Pillow's bilinear weights for one output (Resample.c: precompute_coeffs, then normalize_coeffs_8bpc):
    the first tap, the exact weights, and the integers with 22 fractional bits that the 8-bit path uses."""
    scale = size_in / size_out
    support, centre = scale, (index + 0.5) * scale
    first = max(int(centre - support + 0.5), 0)
    count = min(int(centre + support + 0.5), size_in) - first
    tent = [max(0.0, 1 - abs((x + first - centre + 0.5) / scale)) for x in range(count)]
    exact = [Fraction(t).limit_denominator(10**6) / Fraction(sum(tent)).limit_denominator(10**6) for t in tent]
    return first, exact, [int(0.5 + t / sum(tent) * (1 << 22)) for t in tent]


def test_pillow_8_bit_within_a_level_up_to_rounding_and_pillows_fixed_point_weights(Downsample):
    """Pillow's 8-bit resampler rounds after each pass: float precision holds for mode F only.
    Review 64: 'up to one level' is exact arithmetic's bound. torch's float rounding can pass it by a few ulps of 255, and Pillow's 8-bit filter weights, integers with 22 fractional bits, by more at large
    factors: the image built below differs by 1.0003 levels at factor 100, in float64 too."""
    import numpy as np
    from PIL import Image

    def gap(x, k, dtype):
        small = Image.fromarray(x[0, 0].numpy(), mode="L").resize(
            (x.shape[-1] // k, x.shape[-2] // k), Image.Resampling.BILINEAR
        )
        ours = Downsample(k, "antialias-bilinear")(x.to(dtype))[0, 0].double()
        return (ours - torch.from_numpy(np.asarray(small).astype(np.float64))).abs().max().item()

    generator = torch.Generator().manual_seed(12)
    worst = 0.0
    for k in (2, 3, 4, 5, 6, 8, 12, 16):
        for height, width in ((8 * k, 10 * k), (5 * k, 3 * k), (2 * k, k)):
            x = torch.randint(0, 256, (1, 1, height, width), generator=generator, dtype=torch.uint8)
            for dtype in (torch.float32, torch.float64):
                diff = gap(x, k, dtype)
                assert diff <= 1 + 4 * torch.finfo(dtype).eps * 256, (k, height, width, dtype, diff)
                worst = max(worst, diff)
    assert worst > 0.5  # more than the rounding of one final result: not float precision
    # exactly one level apart at factor 2: Pillow rounds 0.5 up to 1 and 1.5 up to 2, then 1.5 up to 2; the mean is 1
    block = torch.tensor([[[[0, 1], [1, 2]]]], dtype=torch.uint8)
    # factor 100: rows whose exact value ends in .5 (Pillow rounds them up), stacked so that the exact
    # sum of the column lands 3/10000 below the next half, where Pillow's weights push it over
    size, k = 300, 100
    first, exact, scaled = _pillow_8_bit_weights(size, 3, 1)
    taps = len(exact)
    den = max(w.denominator for w in exact)
    numer = [int(w * den) for w in exact]
    ahead = [s / (1 << 22) - float(w) for s, w in zip(scaled, exact)]  # Pillow's weight minus the exact one
    rng = np.random.default_rng(0)

    def fix(values, residual, low, high):  # spread the residual of sum(numer * values) over the taps, largest first
        for j in sorted(range(taps), key=lambda j: -numer[j]):
            step = int(np.clip(residual // numer[j], low[j] - values[j], high[j] - values[j]))
            values[j] += step
            residual -= step * numer[j]
        return residual == 0

    levels = [int(v) for v in np.where(np.array(ahead) > 0, 240, 10)]
    total = sum(n * v for n, v in zip(numer, levels))
    low = [200 if a > 0 else 1 for a in ahead]
    high = [255 if a > 0 else 49 for a in ahead]
    assert fix(levels, (den // 2 - 6 - total) % den, low, high)  # 6 / den: 3/10000 below the half
    image = torch.zeros(size, size, dtype=torch.uint8)
    for i, level in enumerate(levels):
        for _ in range(1000):
            row = [int(v) for v in np.clip(level + rng.integers(-3, 4, taps), 0, 255)]
            total = sum(n * v for n, v in zip(numer, row))
            if fix(row, level * den - den // 2 - total, [0] * taps, [255] * taps):
                if (sum(s * v for s, v in zip(scaled, row)) + (1 << 21)) >> 22 == level:  # Pillow rounds up
                    break
        image[first + i, first : first + taps] = torch.tensor(row, dtype=torch.uint8)
    for x, k, apart in ((block, 2, 1.0), (image[None, None], 100, 1.0003)):
        for dtype in (torch.float32, torch.float64):
            assert gap(x, k, dtype) == pytest.approx(apart, abs=4 * torch.finfo(dtype).eps * 256), (k, dtype)
    assert "integers with 22 fractional bits" in " ".join(
        (ROOT / "docs" / "downsample-module.md").read_text(encoding="utf-8").split()
    )
    assert "带 22 位小数的定点整数" in (ROOT / "docs" / "downsample-module.zh.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_one_pixel_wide_cpu_bug_hits_contiguous_input_only(Downsample, dtype):
    generator = torch.Generator().manual_seed(13)
    for k in (2, 3, 4):
        for height, width in ((2 * k, k), (5 * k, k + 1), (3 * k + 1, 2 * k - 1)):  # outputs one pixel wide
            x = torch.randn(1, 3, height, width, generator=generator, dtype=dtype)
            right = Downsample(k, "antialias-bilinear")(x)
            call = dict(output_size=[height // k, 1], align_corners=False, scales_h=1 / k, scales_w=1 / k)
            assert not torch.allclose(torch.ops.aten._upsample_bilinear2d_aa(x, **call), right), (k, height, width)
            last = torch.ops.aten._upsample_bilinear2d_aa(x.contiguous(memory_format=torch.channels_last), **call)
            torch.testing.assert_close(last, right, msg=str((k, height, width)))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_one_channel_channels_last_does_not_escape_the_one_pixel_wide_cpu_bug(Downsample, dtype):
    # the page: channels_last escapes the bug only with more than one channel
    generator = torch.Generator().manual_seed(17)
    for k in (2, 3, 4):
        for height, width in ((2 * k, k), (5 * k, k + 1), (3 * k + 1, 2 * k - 1)):
            for channels in (1, 2, 5):
                x = torch.randn(1, channels, height, width, generator=generator, dtype=dtype).contiguous(
                    memory_format=torch.channels_last
                )
                assert x.is_contiguous() == (channels == 1)
                right = Downsample(k, "antialias-bilinear")(x)
                call = dict(output_size=[height // k, 1], align_corners=False, scales_h=1 / k, scales_w=1 / k)
                one_call = torch.ops.aten._upsample_bilinear2d_aa(x, **call)
                assert torch.allclose(one_call, right) == (channels > 1), (k, height, width, channels)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_one_call_is_wrong_only_for_outputs_one_pixel_wide_and_at_least_two_tall(Downsample, dtype):
    # the page (review 11): the exception is an output one pixel wide and at least two tall; 2x2 -> 1x1 is right
    generator = torch.Generator().manual_seed(23)
    for k in (2, 3, 4, 7):
        for height in range(k, 4 * k + 1):
            for width in range(k, 3 * k):
                x = torch.randn(1, 1, height, width, generator=generator, dtype=dtype)
                call = dict(output_size=[height // k, width // k], align_corners=False, scales_h=1 / k, scales_w=1 / k)
                one_call = torch.ops.aten._upsample_bilinear2d_aa(x, **call)
                wrong = not torch.allclose(one_call, Downsample(k, "antialias-bilinear")(x))
                assert wrong == (width // k == 1 and height // k >= 2), (k, height, width)


def test_the_module_comment_does_not_say_every_one_pixel_wide_output_comes_back_wrong(Downsample):
    """Review r110-6: the module's comment said "An output one pixel wide whose height changes comes back wrong from
    the CPU kernel" and "(where one call is right: not at the one-pixel-wide outputs below)"; one call is right, and
    gives the module's bits, at a 1x1 output whose height changed and on a channels_last copy with more than one
    channel (the page's limits). The comment now says such an output "can" come back wrong."""
    generator = torch.Generator().manual_seed(110)
    for k in (2, 3, 5):
        for dtype in (torch.float32, torch.float64):
            for height, width, channels, layout in (
                (k, k, 1, torch.contiguous_format),  # -> 1x1
                (2 * k + 1, k + 1, 1, torch.contiguous_format),  # -> 2x1
                (3 * k, k, 3, torch.channels_last),  # -> 3x1
            ):
                x = torch.randn(2, channels, height, width, generator=generator, dtype=dtype).clone(
                    memory_format=layout
                )
                one_call = torch.ops.aten._upsample_bilinear2d_aa(x, [height // k, 1], False, 1 / k, 1 / k)
                right = torch.equal(one_call, Downsample(k, "antialias-bilinear")(x))
                assert right == (height // k == 1 or channels > 1), (k, dtype, height, width, channels)
    source = (ROOT / "examples" / "_downsample.py").read_text(encoding="utf-8")
    assert "An output one pixel wide can come back wrong" in source
    assert "whose height changes comes back wrong" not in source and "not at the one-pixel-wide outputs" not in source


def test_opencv_inter_linear_at_factor_2_is_avg_only_to_half_a_level_on_8_bit_images(Downsample):
    """The page (review 11): on uint8 images OpenCV rounds the 2x2 mean to whole levels, for any channel count, IPP
    on or off. Review r107-6: the page said "8-bit images", but cv2.resize refuses int8 ones."""
    import cv2
    import numpy as np

    generator = torch.Generator().manual_seed(29)
    had_ipp = cv2.ipp.useIPP()
    try:
        for ipp, channels in itertools.product((True, False), (1, 2, 3, 4, 5, 8)):
            cv2.ipp.setUseIPP(ipp)
            worst = 0.0
            for height, width in ((16, 20), (10, 6), (2, 2), (64, 48)):
                image = torch.randint(0, 256, (height, width, channels), generator=generator, dtype=torch.uint8)
                opencv = cv2.resize(image.numpy(), (width // 2, height // 2), interpolation=cv2.INTER_LINEAR)
                opencv = torch.from_numpy(opencv.reshape(height // 2, width // 2, channels)).double()
                ours = Downsample(2, "avg")(image.double().permute(2, 0, 1)[None])[0].permute(1, 2, 0)
                diff = (ours - opencv).abs().max().item()
                assert diff <= 0.5, (ipp, channels, height, width)
                worst = max(worst, diff)
            assert worst == 0.5, (ipp, channels)  # half a level: not float rounding
            with pytest.raises(cv2.error):
                cv2.resize(np.zeros((4, 4, channels), np.int8), (2, 2), interpolation=cv2.INTER_LINEAR)
    finally:
        cv2.ipp.setUseIPP(had_ipp)
    assert_pages_say(
        ("downsample-module.md", "gives what `'avg'` gives: on `uint8` images rounded to whole levels"),
        ("downsample-module.zh.md", "结果与 `'avg'` 一致：`uint8` 图像舍入到整数灰度级"),
    )


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_a_channels_last_view_from_an_hwc_array_does_not_escape_the_one_pixel_wide_cpu_bug(Downsample, dtype):
    # Review 14: a batch of one permuted from HWC (batch stride C) is a channels_last view that meets the bug
    generator = torch.Generator().manual_seed(14)
    for k in (2, 3, 4):
        for height, width in ((2 * k, k), (5 * k, k + 1), (3 * k + 1, 2 * k - 1)):
            for channels in (2, 3, 5):
                view = torch.randn(height, width, channels, generator=generator, dtype=dtype).permute(2, 0, 1)[None]
                assert view.is_contiguous(memory_format=torch.channels_last)
                right = Downsample(k, "antialias-bilinear")(view.contiguous())
                call = dict(output_size=[height // k, 1], align_corners=False, scales_h=1 / k, scales_w=1 / k)
                assert not torch.allclose(torch.ops.aten._upsample_bilinear2d_aa(view, **call), right), (
                    k,
                    height,
                    width,
                    channels,
                )
                torch.testing.assert_close(Downsample(k, "antialias-bilinear")(view), right)
                copy = view.contiguous().contiguous(memory_format=torch.channels_last)
                torch.testing.assert_close(torch.ops.aten._upsample_bilinear2d_aa(copy, **call), right)


def test_pillow_8_bit_within_a_level_only_without_alpha(Downsample):
    # the page (review 17): Pillow premultiplies RGBA and LA by alpha, so 'one level' holds only without alpha
    import numpy as np
    from PIL import Image

    generator = torch.Generator().manual_seed(29)
    for mode, channels in (("RGB", 3), ("L", 1), ("RGBA", 4), ("LA", 2)):
        for k in (2, 3, 4):
            x = torch.randint(0, 256, (1, channels, 6 * k, 5 * k), generator=generator, dtype=torch.uint8)
            array = x[0].permute(1, 2, 0).numpy().copy()
            image = Image.fromarray(array[..., 0] if channels == 1 else array, mode=mode)
            small = (
                np.asarray(image.resize((5, 6), Image.Resampling.BILINEAR)).astype(np.float64).reshape(6, 5, channels)
            )
            ours = Downsample(k, "antialias-bilinear")(x.double())[0].permute(1, 2, 0).numpy()
            diff = np.abs(ours - small).max()
            assert (diff <= 1) == (mode in ("RGB", "L")), (mode, k, diff)
            if mode in ("RGBA", "LA"):
                assert diff > 10, (mode, k, diff)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_channels_last_views_escape_the_one_pixel_wide_cpu_bug_unless_the_batch_stride_is_small(Downsample, dtype):
    # the page (review 17): not 'only as a real copy': a permuted NHWC array and crops of a channels_last copy
    # are views and escape; the HWC permute with an added batch axis (batch stride C) does not
    generator = torch.Generator().manual_seed(31)
    for k in (2, 3, 4):
        for height, width in ((2 * k, k), (5 * k, k + 1), (3 * k + 1, 2 * k - 1)):
            for channels in (2, 3, 5):
                call = dict(output_size=[height // k, 1], align_corners=False, scales_h=1 / k, scales_w=1 / k)
                nhwc = torch.randn(1, height, width, channels, generator=generator, dtype=dtype)
                wide = torch.randn(1, channels, height + 3, width + 2, generator=generator, dtype=dtype).contiguous(
                    memory_format=torch.channels_last
                )
                views = {
                    "NHWC permuted": nhwc.permute(0, 3, 1, 2),
                    "column crop": wide[..., :height, :width],
                    "row crop": wide[..., 1 : height + 1, :],
                    "HWC permuted, batch added": nhwc[0].permute(2, 0, 1)[None],
                }
                views["row crop"] = views["row crop"][..., :width]
                for name, view in views.items():
                    assert view._base is not None  # a view, not a copy
                    right = Downsample(k, "antialias-bilinear")(view.contiguous())
                    correct = torch.allclose(torch.ops.aten._upsample_bilinear2d_aa(view, **call), right)
                    assert correct == (name != "HWC permuted, batch added"), (name, k, height, width, channels)


def _passes_channels_last_test(view):
    """The page's rule: going C, W, H, N, each stride at least the previous stride times the previous axis's length."""
    smallest = 0
    for axis in (1, 3, 2, 0):
        if view.stride(axis) < smallest:
            return False
        smallest = view.stride(axis) * view.shape[axis]
    return True


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_one_pixel_wide_cpu_bug_follows_the_channels_last_test_not_the_stride_order(Downsample, dtype):
    # the page (review 18): not 'the order of the strides' nor 'a crop': x[:, ::2] of a 3-channel channels_last
    # copy has its strides in channels_last order and meets the bug; channel crops to one channel meet it too
    generator = torch.Generator().manual_seed(37)
    checked = 0
    for channels in (2, 3, 4, 5, 6, 8):
        for k, (height, width) in ((2, (8, 2)), (3, (9, 4)), (2, (6, 3)), (4, (13, 7))):
            wide = torch.randn(2, channels, height + 2, width + 3, generator=generator, dtype=dtype).contiguous(
                memory_format=torch.channels_last
            )
            for crop in (
                slice(None),
                slice(0, 1),
                slice(0, 2),
                slice(1, None),
                slice(None, None, 2),
                slice(0, None, 3),
                slice(1, 3),
            ):
                for batch, (row, column) in itertools.product((slice(0, 1), slice(None)), ((0, 0), (1, 2))):
                    view = wide[batch, crop, row : row + height, column : column + width]
                    if view.shape[1] == 0:
                        continue
                    call = dict(output_size=[height // k, 1], align_corners=False, scales_h=1 / k, scales_w=1 / k)
                    right = Downsample(k, "antialias-bilinear")(view.contiguous())
                    correct = torch.allclose(torch.ops.aten._upsample_bilinear2d_aa(view, **call), right)
                    assert correct == (view.shape[1] > 1 and _passes_channels_last_test(view)), (
                        channels,
                        crop,
                        batch,
                        row,
                        k,
                    )
                    torch.testing.assert_close(Downsample(k, "antialias-bilinear")(view), right)
                    checked += 1
    assert checked > 500
    every_second = torch.randn(1, 3, 8, 2, generator=generator, dtype=dtype).contiguous(
        memory_format=torch.channels_last
    )[:, ::2]
    assert (
        every_second.stride(1) < every_second.stride(3) < every_second.stride(2) < every_second.stride(0)
    )  # channels_last order
    call = dict(output_size=[4, 1], align_corners=False, scales_h=0.5, scales_w=0.5)
    assert not torch.allclose(
        torch.ops.aten._upsample_bilinear2d_aa(every_second, **call),
        Downsample(2, "antialias-bilinear")(every_second.contiguous()),
    )


def test_pillow_8_bit_with_alpha_depends_on_the_alpha(Downsample):
    # the page (review 18): not 'RGBA and LA differ by tens of levels': opaque ones stay within one level,
    # a constant alpha of 128 costs a few levels, an alpha that varies from pixel to pixel tens
    import numpy as np
    from PIL import Image

    generator = torch.Generator().manual_seed(41)
    for mode, channels in (("RGBA", 4), ("LA", 2)):
        worst = {}
        for alpha in ("255", "128", "varying"):
            for k, (rows, columns) in itertools.product((2, 3, 4, 5), ((6, 5), (3, 7), (1, 2))):
                x = torch.randint(0, 256, (1, channels, rows * k, columns * k), generator=generator, dtype=torch.uint8)
                if alpha != "varying":
                    x[:, -1] = int(alpha)
                image = Image.fromarray(x[0].permute(1, 2, 0).numpy().copy(), mode=mode)
                small = (
                    np.asarray(image.resize((columns, rows), Image.Resampling.BILINEAR))
                    .astype(np.float64)
                    .reshape(rows, columns, channels)
                )
                ours = Downsample(k, "antialias-bilinear")(x.double())[0].permute(1, 2, 0).numpy()
                diff = np.abs(ours - small)[..., :-1].max()
                worst[alpha] = max(worst.get(alpha, 0.0), diff)
        assert worst["255"] <= 1, (mode, worst)
        assert 1 < worst["128"] < 10, (mode, worst)
        assert worst["varying"] > 10, (mode, worst)


def test_avg_and_antialias_bilinear_part_from_opencv_and_pillow_near_the_float32_limit(Downsample):
    # the page (review 19): 'avg' sums four pixels in float32 before dividing (inf past the largest
    # float32), where OpenCV's INTER_LINEAR at factor 2 stays finite; antialiased bilinear's weights add
    # to a step above 1 at some factors, so a constant image of the largest float32 gives inf, not Pillow's value
    import cv2
    import numpy as np
    from PIL import Image

    x = np.full((8, 8), 1e38, np.float32)
    assert torch.isinf(Downsample(2, "avg")(torch.from_numpy(x)[None, None])).all()
    if cv2.ipp.useIPP():  # OpenCV's finite result is its IPP code's (review 20; tested below)
        assert np.isfinite(cv2.resize(x, (4, 4), interpolation=cv2.INTER_LINEAR)).all()
    largest = np.finfo(np.float32).max
    for k in (2, 3, 4, 7):
        x = np.full((3 * k, 3 * k), largest, np.float32)
        pillow = np.asarray(Image.fromarray(x, mode="F").resize((3, 3), Image.BILINEAR))
        ours = Downsample(k, "antialias-bilinear")(torch.from_numpy(x)[None, None])[0, 0]
        assert np.isfinite(pillow).all()
        assert torch.isinf(ours).any() == (k in (3, 7)), k


def test_opencv_stays_finite_on_1e38_only_where_its_ipp_code_runs(Downsample):
    # the page (review 20): 'on pixels of 1e38, avg returns inf, OpenCV 1e38' held for 1, 3 and 4 channels only,
    # through IPP; with 2 channels, 5 or more, or IPP off, OpenCV sums the four pixels first and returns inf too
    import cv2
    import numpy as np

    generator = np.random.default_rng(20)
    had_ipp = cv2.ipp.useIPP()
    try:
        for ipp in (True, False):
            cv2.ipp.setUseIPP(ipp)
            for channels in range(1, 8):
                for height, width in ((2, 2), (8, 8), (6, 34)):
                    x = np.full((height, width, channels), 1e38, np.float32)
                    opencv = cv2.resize(x, (width // 2, height // 2), interpolation=cv2.INTER_LINEAR)
                    ipp_ran = cv2.ipp.useIPP() and channels in (1, 3, 4)
                    assert np.isfinite(opencv).all() == ipp_ran, (ipp, channels, height, width)
                    # away from the overflow, every path is 'avg' to float rounding
                    x = generator.random((height, width, channels), dtype=np.float32)
                    opencv = cv2.resize(x, (width // 2, height // 2), interpolation=cv2.INTER_LINEAR).reshape(
                        height // 2, width // 2, channels
                    )
                    ours = Downsample(2, "avg")(torch.from_numpy(x).permute(2, 0, 1)[None])[0].permute(1, 2, 0).numpy()
                    np.testing.assert_allclose(opencv, ours, rtol=1e-6, atol=1e-6)
                    # review 58: an inf in a block stays inf in 'avg' and without IPP; IPP returns NaN there,
                    # review 61: except on the block's bottom-right pixel, where IPP keeps it too
                    for (i, j), bad in itertools.product(((0, 0), (0, 1), (1, 0), (1, 1)), (np.inf, -np.inf)):
                        x = generator.random((height, width, channels), dtype=np.float32)
                        x[i, j, 0] = bad
                        opencv = cv2.resize(x, (width // 2, height // 2), interpolation=cv2.INTER_LINEAR).reshape(
                            height // 2, width // 2, channels
                        )
                        ours = (
                            Downsample(2, "avg")(torch.from_numpy(x).permute(2, 0, 1)[None])[0].permute(1, 2, 0).numpy()
                        )
                        assert ours[0, 0, 0] == bad and np.isfinite(np.delete(ours.reshape(-1), 0)).all()
                        assert np.isnan(opencv[0, 0, 0]) if ipp_ran and (i, j) != (1, 1) else opencv[0, 0, 0] == bad, (
                            ipp,
                            i,
                            j,
                            channels,
                            height,
                            width,
                        )
                        np.testing.assert_allclose(
                            np.delete(opencv.reshape(-1), 0), np.delete(ours.reshape(-1), 0), rtol=1e-6, atol=1e-6
                        )
    finally:
        cv2.ipp.setUseIPP(had_ipp)
    page, page_zh = (
        (ROOT / "docs" / name).read_text(encoding="utf-8")
        for name in ("downsample-module.md", "downsample-module.zh.md")
    )
    assert "unless the inf is the block's bottom-right pixel,\n  which IPP returns as `'avg'` does" in page
    assert "除非这个 inf 是块的右下角像素：这时 IPP 的结果与 `'avg'` 相同" in page_zh


def test_the_ipp_overflow_exception_is_at_the_image_dtypes_largest_value(Downsample):
    """Review 62: "where four pixels sum past the largest float32, as on pixels of 1e38" was tested on float32
    images only; a float64 image of 1e38 overflows neither, and the exception comes at float64's largest value.
    Review 63: the page then put the float64 case "only from about 1e308", but four pixels pass float64's largest
    value (about 1.8e308) from a quarter of it on: pixels of 5e307 overflow 'avg' already."""
    import cv2
    import numpy as np

    largest = np.finfo(np.float64).max
    had_ipp = cv2.ipp.useIPP()
    try:
        cv2.ipp.setUseIPP(True)
        for channels, share in itertools.product((1, 2, 3, 4, 5), (1e38 / largest, 0.24, 0.26, 0.28, 0.5, 1.0)):
            value = share * largest
            x = np.full((6, 8, channels), value, np.float64)
            opencv = cv2.resize(x, (4, 3), interpolation=cv2.INTER_LINEAR).reshape(3, 4, channels)
            ours = Downsample(2, "avg")(torch.from_numpy(x).permute(2, 0, 1)[None])[0].permute(1, 2, 0).numpy()
            if share < 0.25:
                assert np.isfinite(ours).all() and np.allclose(opencv, ours, rtol=1e-12), (channels, share)
            else:
                assert np.isinf(ours).all(), (channels, share)
                assert (opencv == value).all() if channels in (1, 3, 4) else np.isinf(opencv).all(), channels
    finally:
        cv2.ipp.setUseIPP(had_ipp)
    page, page_zh = (
        (ROOT / "docs" / name).read_text(encoding="utf-8")
        for name in ("downsample-module.md", "downsample-module.zh.md")
    )
    assert "float64 ones only above a quarter of float64's largest value" in page and "about 1e308" not in page
    assert "float64 要到像素超过其最大值的四分之一才会" in page_zh and "1e308 左右" not in page_zh


def test_opencv_ipp_parts_from_avg_on_more_than_two_kinds_of_block(Downsample):
    """Review r106-6: the page said OpenCV's INTER_LINEAR at factor 2 gives 'avg' on float images to float rounding
    "with two exceptions where OpenCV's IPP code runs", the first "where four pixels sum past the largest value",
    where IPP returns "the pixel value". IPP interpolates as a + (b - a) / 2, so a block of 3e38 beside -3e38 gives
    NaN where 'avg' gives 0 (a sum far from the limit), and blocks whose four pixels do sum past it give -inf or NaN,
    not a pixel value. The page now names its three measured cases and no rule."""
    import cv2
    import numpy as np

    big = 3e38
    blocks = {  # (top-left, top-right, bottom-left, bottom-right): what 'avg' gives, what IPP gives
        (big, -big, big, -big): (0.0, "nan"),
        (big, big, -big / 3, -big / 3): (np.inf, -np.inf),
        (big, -big / 3, big, -big / 3): (np.inf, "nan"),
    }
    had_ipp = cv2.ipp.useIPP()
    try:
        for ipp, channels, (rows, columns), (block, (avg, ipp_gives)) in itertools.product(
            (True, False), (1, 2, 3, 4, 5), ((1, 1), (3, 4), (5, 17)), blocks.items()
        ):
            cv2.ipp.setUseIPP(ipp)
            tile = np.array(block, np.float32).reshape(2, 2)
            x = np.ascontiguousarray(np.tile(tile[:, :, None], (rows, columns, channels)))
            opencv = cv2.resize(x, (columns, rows), interpolation=cv2.INTER_LINEAR).reshape(rows, columns, channels)
            ours = Downsample(2, "avg")(torch.from_numpy(x).permute(2, 0, 1)[None])[0].permute(1, 2, 0).numpy()
            assert (ours == avg).all(), (block, channels)
            if ipp and channels in (1, 3, 4):
                assert (np.isnan(opencv) if ipp_gives == "nan" else opencv == ipp_gives).all(), (block, channels)
            else:
                assert (opencv == ours).all(), (ipp, block, channels)
    finally:
        cv2.ipp.setUseIPP(had_ipp)
    assert_pages_say(
        ("downsample-module.md", "gives `'avg'` 0 and OpenCV with IPP NaN"),
        ("downsample-module.zh.md", "`'avg'` 返回 0，走 IPP 的 OpenCV 却返回 NaN"),
        ("downsample-module.md", "OpenCV gives what `'avg'` gives in these three cases"),
        ("downsample-module.zh.md", "OpenCV 在这三种情形下都与 `'avg'` 结果相同"),
    )
    for page in ("downsample-module.md", "downsample-module.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert "two exceptions where OpenCV's IPP" not in text and "sum past the largest value" not in text
        assert "两个例外" not in text and "四个像素之和超出" not in text


def test_opencv_gives_avg_in_the_three_ipp_cases_for_every_channel_count_it_takes(Downsample):
    """Review r107-6: the page said that with "5 or more" channels OpenCV gives what 'avg' gives in the three IPP
    cases, but cv2.resize refuses an image of more channels than OpenCV's limit (129 here) instead of giving
    anything: the page now bounds the count by what cv2.resize takes. Sweeps every count it takes, with IPP on and
    off, and checks that IPP returns the pixel value itself, not only a finite one, on float32 pixels of 1e38."""
    import cv2
    import numpy as np

    big = 3e38
    blocks = {  # what IPP gives on 1, 3 or 4 channels; elsewhere OpenCV gives what 'avg' gives
        (1e38,) * 4: np.float32(1e38),
        (big, -big, big, -big): "nan",
        (0.5, 0.25, 0.75, np.inf): np.inf,
        (np.inf, 0.5, 0.25, 0.75): "nan",
    }
    had_ipp = cv2.ipp.useIPP()
    try:
        for ipp in (True, False):
            cv2.ipp.setUseIPP(ipp)
            for channels in range(1, 1025):
                try:
                    cv2.resize(np.zeros((4, 6, channels), np.float32), (3, 2), interpolation=cv2.INTER_LINEAR)
                except cv2.error:
                    break
                # the inf blocks' sentence names no dtype: float64 too
                for (block, ipp_gives), dtype in itertools.product(blocks.items(), (np.float32, np.float64)):
                    if dtype == np.float64 and np.isfinite(block).all():
                        continue
                    tile = np.array(block, dtype).reshape(2, 2)
                    x = np.ascontiguousarray(np.tile(tile[:, :, None], (2, 3, channels)))
                    opencv = cv2.resize(x, (3, 2), interpolation=cv2.INTER_LINEAR).reshape(2, 3, channels)
                    ours = Downsample(2, "avg")(torch.from_numpy(x).permute(2, 0, 1)[None])[0].permute(1, 2, 0).numpy()
                    if ipp and channels in (1, 3, 4):
                        assert (np.isnan(opencv) if ipp_gives == "nan" else opencv == ipp_gives).all(), block
                    else:
                        assert ((opencv == ours) | (np.isnan(opencv) & np.isnan(ours))).all(), (ipp, block, channels)
            else:
                pytest.fail("cv2.resize took every channel count tried")
            assert channels > 5, channels
    finally:
        cv2.ipp.setUseIPP(had_ipp)
    assert_pages_say(
        ("downsample-module.md", "5 or more (as many as `cv2.resize` takes), or without IPP"),
        ("downsample-module.zh.md", "5 个及以上通道（以 `cv2.resize` 能接受的通道数为限），或者不用 IPP"),
    )


def test_an_inf_beside_pixels_summing_past_the_float32_limit_gives_avg_nan(Downsample):
    """Review r106-6: the page said "a block holding one inf gives 'avg' that inf and OpenCV with IPP NaN, unless the
    inf is the block's bottom-right pixel, which IPP returns as 'avg' does". Beside two pixels of -3e38 that sum
    past float32's limit before the inf is added, 'avg' gives NaN, and IPP, with the inf bottom-right, inf. The page
    now names the measured block: one inf and three pixels in [0, 1)."""
    import cv2
    import numpy as np

    had_ipp = cv2.ipp.useIPP()
    try:
        cv2.ipp.setUseIPP(True)
        for sign, channels in itertools.product((1, -1), (1, 3, 4)):
            block = np.array([[-sign * 3e38, -sign * 3e38], [0.0, sign * np.inf]], np.float32)
            x = np.ascontiguousarray(np.tile(block[:, :, None], (3, 4, channels)))
            opencv = cv2.resize(x, (4, 3), interpolation=cv2.INTER_LINEAR)
            ours = Downsample(2, "avg")(torch.from_numpy(x).permute(2, 0, 1)[None])
            assert torch.isnan(ours).all() and (opencv == sign * np.inf).all(), (sign, channels)
    finally:
        cv2.ipp.setUseIPP(had_ipp)
    assert_pages_say(
        ("downsample-module.md", "a block of one inf and three pixels in [0, 1) gives `'avg'` that inf"),
        ("downsample-module.zh.md", "一个块由一个 inf 和三个 [0, 1) 内的像素组成时，`'avg'` 返回这个 inf"),
    )


def test_swapping_zhang_modules_moves_interior_samples_by_one_input_pixel():
    """BlurPool(5) samples at 2i, MaxBlurPool() at 2i + 1: one input pixel, half an output pixel,
    away from the borders only; the border samples move by other amounts, and odd sizes differ in length."""
    from _downsample import BlurPool

    for width in (12, 16, 20, 31, 33):
        for mode in ("reflect", "replicate", "zeros", "circular"):
            ramp = torch.arange(float(width), dtype=torch.float64).expand(1, 1, 12, width)
            blur, max_blur = BlurPool(5, padding_mode=mode)(ramp), MaxBlurPool(padding_mode=mode)
            where = ((max_blur(ramp) - max_blur(-ramp)) / 2)[0, 0, 3]
            if width % 2:
                assert blur.shape[-1] == where.shape[-1] + 1, (width, mode)
            move = where - blur[0, 0, 3, : where.shape[-1]]
            assert torch.equal(move[1:-1], torch.ones_like(move[1:-1])), (width, mode)  # in input pixels
            assert move[0] != 1 and move[-1] != 1, (width, mode)  # the outermost samples move by other amounts


def test_area_equals_avg_to_rounding_but_at_a_1x1_output_only_while_no_partial_sum_overflows(Downsample):
    """Review 30: "'area' equals 'avg', to float rounding, when the factor divides the size".
    At a 1x1 output 'area' takes torch.mean, which adds in another order: near the largest
    float32 one overflows where the other does not. Elsewhere both pooling kernels add in the
    same order, so even values of +-3e38 give the same infs."""
    big = 3e38
    block = torch.tensor([[big] * 4] * 2 + [[-big] * 4] * 2).view(1, 1, 4, 4)
    for fmt in (torch.contiguous_format, torch.channels_last):
        x = block.clone(memory_format=fmt)  # one channel, as the page says (.contiguous would keep NCHW strides)
        assert (x.stride(1) == 1) == (fmt == torch.channels_last)
        assert torch.isinf(Downsample(4, "avg")(x)).all() and (Downsample(4, "area")(x) == 0).all()
    g = torch.Generator().manual_seed(0)
    for k, blocks, channels, fmt in itertools.product(
        (2, 3, 4), (2, 3), (1, 3, 5, 8), (torch.contiguous_format, torch.channels_last)
    ):
        for _ in range(5):
            x = (torch.randint(-1, 2, (1, channels, k * blocks, k * blocks), generator=g).float() * big).contiguous(
                memory_format=fmt
            )
            avg, area = Downsample(k, "avg")(x), Downsample(k, "area")(x)
            assert torch.equal(avg.isinf(), area.isinf()) and torch.equal(avg.isnan(), area.isnan())
            finite = avg.isfinite()
            torch.testing.assert_close(area[finite], avg[finite], rtol=1e-6, atol=1e-6 * big)
    # Review 63: the limit is the largest value of the type torch adds in, not float32's for every input. A float64
    # input adds in float64: partial sums far past the largest float32 still agree to rounding, and near the largest
    # float64 the two orders overflow differently, as float32's do near its own.
    assert (Downsample(4, "area")(block.double()) == 0).all() and Downsample(4, "avg")(
        block.double()
    ).abs().item() < 1e-15 * big
    huge = 0.9 * torch.finfo(torch.float64).max
    differ = 0
    for _ in range(200):
        x = torch.randint(-1, 2, (1, 1, 4, 4), generator=g).double() * huge
        avg, area = Downsample(4, "avg")(x), Downsample(4, "area")(x)
        differ += not (torch.equal(avg.isinf(), area.isinf()) and torch.equal(avg.isnan(), area.isnan()))
    assert differ > 0
    page, page_zh = (
        (ROOT / "docs" / name).read_text(encoding="utf-8")
        for name in ("downsample-module.md", "downsample-module.zh.md")
    )
    assert "largest value of the type they add in, float32, or float64 for a float64 input" in " ".join(page.split())
    assert "不超出求和所用类型的最大值时才成立（这个类型是 float32，float64 输入则是 float64）" in page_zh
    assert "passes the largest float32" not in page


def test_one_call_and_two_agree_bit_for_bit_beyond_eight_channels(Downsample):
    """Review 35: some CPU kernels work on channels_last inputs in vector blocks of 8, 16 or 32
    channels, so the page's bit-for-bit rule is swept over channel counts around those blocks
    too, in both memory formats (outputs at least two pixels wide; the one-pixel-wide case is the
    page's stated exception)."""
    generator = torch.Generator().manual_seed(35)
    for channels in (7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 65):
        for k, (height, width) in (
            (2, (8, 8)),
            (2, (9, 7)),
            (3, (15, 15)),
            (4, (12, 20)),
            (5, (10, 11)),
            (8, (17, 19)),
        ):
            for dtype in (torch.float32, torch.float64):
                x = torch.randn(2, channels, height, width, generator=generator, dtype=dtype) * 1000
                for y in (x, x.contiguous(memory_format=torch.channels_last)):
                    one = torch.ops.aten._upsample_bilinear2d_aa(y, [height // k, width // k], False, 1.0 / k, 1.0 / k)
                    assert torch.equal(Downsample(k, "antialias-bilinear")(y), one), (channels, k, height, width, dtype)


def test_pillow_float_precision_is_set_by_the_largest_values_not_each_output(Downsample):
    """Review 37: 'to float precision' is an absolute gap at the image's scale; outputs near 0 of a
    signed image differ by many of their own float32 steps (so a relative-to-output claim would fail)."""
    import numpy as np
    from PIL import Image

    generator = torch.Generator().manual_seed(37)
    eps = torch.finfo(torch.float32).eps
    worst_own_steps = 0.0
    for k in (2, 3, 4):
        for _ in range(50):
            x = torch.randn(1, 1, 8 * k, 10 * k, generator=generator)
            ours = Downsample(k, "antialias-bilinear")(x)[0, 0]
            pil = torch.from_numpy(
                np.asarray(Image.fromarray(x[0, 0].numpy(), mode="F").resize((10, 8), Image.Resampling.BILINEAR)).copy()
            )
            gap = (ours - pil).abs()
            assert gap.max() <= 4 * eps * x.abs().max()  # float precision at the image's largest values
            own = gap / (eps * pil.abs().clamp_min(torch.finfo(torch.float32).tiny))
            worst_own_steps = max(worst_own_steps, own.max().item())
    assert worst_own_steps > 100


@pytest.mark.parametrize("size,k", [(15, 2), (25, 4), (13, 3), (17, 2)])
def test_antialias_given_the_factor_stays_on_block_centres_only_without_recompute(Downsample, size, k):
    """Review 37: F.interpolate given scale_factor=1/k keeps the interior samples on the block centres;
    recompute_scale_factor=True turns the factor into size=size // k and moves them off."""
    ramp = torch.arange(float(size), dtype=torch.float64).view(1, 1, 1, size)
    centres = k * torch.arange(float(size // k), dtype=torch.float64) + (k - 1) / 2
    for recompute in (None, False, True):
        out = F.interpolate(
            ramp, scale_factor=(1.0, 1 / k), mode="bilinear", antialias=True, recompute_scale_factor=recompute
        )[0, 0, 0]
        on_centres = torch.allclose(out[1:-1], centres[1:-1])
        assert on_centres == (not recompute), (size, k, recompute, out)
    torch.testing.assert_close(
        Downsample(k, "antialias-bilinear")(ramp.expand(1, 1, k, size))[0, 0, 0, 1:-1], centres[1:-1]
    )


def test_antialias_bilinear_float32_samples_leave_block_centres_only_from_2_to_the_23(Downsample):
    """On the CPU the antialiased kernel computes positions in float32: below 2**23 pixels at factor 3
    the last samples sit on their block centres, beyond it half a pixel off (r43)."""
    k = 3

    def last_phase_error(length, dtype):
        ramp = torch.arange(length, dtype=torch.float64) - (length - 40 * k)  # exact near the end
        y = Downsample(k, method="antialias-bilinear")(ramp.to(dtype).view(1, 1, 1, length).expand(1, 1, k, length))
        i = torch.arange(y.shape[-1] - 30, y.shape[-1] - 2)
        return (y[0, 0, 0, i].double() - (k * i.double() + (k - 1) / 2 - (length - 40 * k))).abs().max().item()

    assert last_phase_error(2**23 - 2, torch.float32) < 1e-4
    assert last_phase_error(2**23 + 3 * 64, torch.float32) >= 0.49


def test_cuda_antialias_positions_are_float32_too():
    """The page: torch computes the antialiased kernel's positions in float32 on CUDA too (r44: the
    limit was stated for the CPU only, as if CUDA had none). The installed headers show it: the
    CUDA accumulate type of float, float16 and bfloat16 is float, and the window centre is
    computed in it."""
    from pathlib import Path

    include = Path(torch.__file__).parent / "include" / "ATen"
    acc = (include / "AccumulateType.h").read_text(encoding="utf-8")
    for dtype in ("float", "Half", "BFloat16"):
        assert f"CUDA_ACC_TYPE({dtype}, float)" in acc
    cuh = (include / "native" / "cuda" / "UpSample.cuh").read_text(encoding="utf-8")
    assert "center = scale * (i + static_cast<accscalar_t>(0.5));" in cuh
    root = Path(__file__).resolve().parents[2]
    assert "on CUDA too" in " ".join((root / "docs" / "downsample-module.md").read_text(encoding="utf-8").split())
    assert "CUDA 上也是如此" in (root / "docs" / "downsample-module.zh.md").read_text(encoding="utf-8")
    docstring = " ".join((root / "examples" / "_downsample.py").read_text(encoding="utf-8").split())
    assert "float32 positions, on CUDA too, can be rounded" in docstring and "(on the CPU, 'antialias" not in docstring


def test_pillow_match_holds_only_on_axes_shorter_than_2_to_the_23(Downsample):
    """The page: 'antialias-bilinear' matches Pillow's mode-F bilinear reduction to float precision
    when the factor divides the size, on axes shorter than 2**23 pixels (r44: no length limit was
    stated). Pillow computes positions in float64; torch's float32 positions are rounded past 2**23
    pixels, so alternating 0/1 pixels at factor 3 come out 0.056 off there (float precision: 6e-8)."""
    import numpy as np
    from PIL import Image

    k, length = 3, 2**23 + 3 * 64 - 2  # divisible by 3
    x = (torch.arange(length) % 2).float().view(1, 1, 1, length).expand(1, 1, k, length).contiguous()
    small = Image.fromarray(x[0, 0].numpy(), mode="F").resize((length // k, 1), Image.Resampling.BILINEAR)
    gap = (Downsample(k, "antialias-bilinear")(x)[0, 0, 0] - torch.from_numpy(np.asarray(small).copy())[0]).abs()
    assert gap[: 2**23 // k - 10].max() < 1e-6  # below 2**23 input pixels: float precision
    assert gap[2**23 // k + 10 :].max() > 0.05  # beyond: a half-pixel shift of the samples
    for page, hedge in (("downsample-module.md", "on axes shorter than 2²³ pixels (float32's precision"),
                        ("downsample-module.zh.md", "倍数能整除尺寸、且轴短于 2²³ 像素时")):  # fmt: skip
        from pathlib import Path

        text = " ".join((Path(__file__).resolve().parents[2] / "docs" / page).read_text(encoding="utf-8").split())
        assert hedge in text


def test_the_block_centre_summary_is_bound_to_the_table():
    """'Every method of Downsample puts its samples at the block centres' had no length limit, but
    'antialias-bilinear' leaves them past 2**23 pixels
    (test_antialias_bilinear_float32_samples_leave_block_centres_only_from_2_to_the_23); the
    sentence now speaks of the measured table (r44)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    en = " ".join((root / "docs" / "downsample-module.md").read_text(encoding="utf-8").split())
    zh = (root / "docs" / "downsample-module.zh.md").read_text(encoding="utf-8")
    assert "In this table every method of `Downsample` puts its samples at the block centres." in en
    assert "\nEvery method of `Downsample` puts its samples" not in (root / "docs" / "downsample-module.md").read_text(
        encoding="utf-8"
    )
    assert "在这张表里，`Downsample` 的每种方法都把采样点放在块中心。" in zh


def test_pillow_resizes_palette_images_with_nearest_so_8_bit_within_a_level_needs_l_or_rgb(Downsample):
    # the page (review 47): not 'on 8-bit images without alpha': a palette image (mode P) is 8-bit and has
    # no alpha, but Pillow's resize takes nearest for it whatever filter is asked, so it is many levels off
    import numpy as np
    from PIL import Image

    generator = torch.Generator().manual_seed(47)
    grey_palette = [v for i in range(256) for v in (i, i, i)]
    for k in (2, 3, 4):
        x = torch.randint(0, 256, (1, 1, 6 * k, 5 * k), generator=generator, dtype=torch.uint8)
        ours = Downsample(k, "antialias-bilinear")(x.double())[0, 0].numpy()
        diffs = {}
        for mode in ("L", "P"):
            image = Image.fromarray(x[0, 0].numpy(), mode=mode)
            if mode == "P":
                image.putpalette(grey_palette)  # index i shows level i: the same picture as the L image
            small = np.asarray(image.resize((5, 6), Image.Resampling.BILINEAR).convert("L")).astype(np.float64)
            diffs[mode] = np.abs(ours - small).max()
            if mode == "P":  # nearest: the pixel at each block's centre (rounded down), not a filtered value
                assert np.array_equal(small, x[0, 0].numpy()[k // 2 :: k, k // 2 :: k]), k
        assert diffs["L"] <= 1 and diffs["P"] > 50, (k, diffs)


def test_the_dtype_table_uses_32_rows_for_pixel_unshuffle_which_refuses_33(ns, Downsample):
    """The page (review 49): the dtype table's input is 2x16x33x30, but 'pixel-unshuffle' cannot
    take 33 rows, so its entries come from the first 32; the page says so."""
    assert tuple(ns["sample"].shape) == (2, 16, 33, 30)
    with pytest.raises(ValueError, match="divisible by 2"):
        Downsample(2, method="pixel-unshuffle")(ns["sample"])
    down = Downsample(2, method="pixel-unshuffle")
    cropped = ns["sample"][..., :32, :]
    assert ns["dtype_error"]["pixel-unshuffle", torch.float16] == (
        (down(cropped.half()).double() - down(cropped)).abs().max().item()
    )
    assert "its first 32 rows for `'pixel-unshuffle'`" in (ROOT / "docs" / "downsample-module.md").read_text(
        encoding="utf-8"
    )
    assert "用的是它的前 32 行" in (ROOT / "docs" / "downsample-module.zh.md").read_text(encoding="utf-8")


def test_a_trained_conv_can_keep_a_lone_peak_wherever_it_sits_so_max_is_the_only_one_without_parameters(Downsample):
    """The page (review 49) said 'max' is the only method (but 'pixel-unshuffle') that keeps a lone peak
    at full height wherever it sits: 'conv' does too with weights it can learn (ones on its own channel)."""
    down = Downsample(2, method="conv", channels=2)
    with torch.no_grad():
        down.weight.zero_()
        down.weight[0, 0] = 1.0
        down.weight[1, 1] = 1.0
        down.bias.zero_()
        for row, column in itertools.product(range(6), range(6)):
            spike = torch.zeros(1, 2, 6, 6)
            spike[..., row, column] = 1.0
            assert down(spike).amax() == 1.0 == Downsample(2, method="max")(spike).amax()
            assert Downsample(2, method="avg")(spike).amax() < 1.0
    assert [m for m in Downsample.METHODS if sum(p.numel() for p in Downsample(2, m, channels=2).parameters())] == [
        "conv"
    ]
    assert "the only method without\n  parameters that keeps a lone peak" in (
        ROOT / "docs" / "downsample-module.md"
    ).read_text(encoding="utf-8")
    assert "在没有参数的方法中只有它" in (ROOT / "docs" / "downsample-module.zh.md").read_text(encoding="utf-8")


def test_an_input_without_channels_fails_with_a_clear_message_for_every_method(Downsample):
    """Review 49: with 0 channels, 'area' and 'pixel-unshuffle' returned and the other methods raised
    torch's own RuntimeErrors, so "every method returns floor(H / k) x floor(W / k)" and "bad inputs
    fail with what was received" did not hold; every method now refuses them alike."""
    x = torch.zeros(1, 0, 8, 8)
    for method in Downsample.METHODS:
        down = Downsample(2, method, channels=1)
        with pytest.raises(ValueError, match=r"at least one channel, got shape \[1, 0, 8, 8\]"):
            down(x)
        with pytest.raises(torch.jit.Error, match="at least one channel"):
            torch.jit.script(down)(x)


def test_blur_is_blurpool_with_ceil_mode_false_not_zhangs_default(Downsample):
    """The page (review 49) called 'blur' "BlurPool with an even filter": Zhang's BlurPool rounds up
    (ceil_mode=True) and returns one pixel more on odd sizes; 'blur' is BlurPool(ceil_mode=False)."""
    from _downsample import BlurPool

    for size in (7, 9, 16):
        x = torch.randn(1, 2, size, size)
        for filter_size in (2, 4, 6):
            blur = Downsample(2, "blur", filter_size=filter_size)(x)
            assert torch.equal(blur, BlurPool(filter_size, ceil_mode=False)(x)), (size, filter_size)
            assert (BlurPool(filter_size)(x).shape == blur.shape) == (size % 2 == 0)
    assert "`ceil_mode=False`, 2× at a time" in (ROOT / "docs" / "downsample-module.md").read_text(encoding="utf-8")
    assert "`ceil_mode=False` 的 BlurPool" in (ROOT / "docs" / "downsample-module.zh.md").read_text(encoding="utf-8")


def test_the_page_says_an_input_without_channels_raises_where_torch_would_return_empty(Downsample):
    """Review 51: the zero-channel ValueError of review 49 was in the docstring only, whose reason
    ("most pooling and convolution kernels refuse them") was vague; the page now states it for every
    method, 'area' and 'pixel-unshuffle' included, whose torch functions return an empty tensor."""
    from helpers import printed_by

    x = torch.zeros(1, 0, 8, 8)
    assert F.adaptive_avg_pool2d(x, [4, 4]).shape == (1, 0, 4, 4)
    assert F.pixel_unshuffle(x, 2).numel() == 0
    for pool in (F.max_pool2d, F.avg_pool2d):  # the docstring: these refuse them
        with pytest.raises(RuntimeError):
            pool(x, 2)
    for method in Downsample.METHODS:
        with pytest.raises(ValueError, match="at least one channel"):
            Downsample(2, method, channels=1)(torch.zeros(0, 0, 8, 8))  # also with zero batch
    assert "area on torch.float32 (1, 0, 8, 8): ValueError: Downsample expects at least one channel" in printed_by(
        "downsample_module.py"
    )
    assert "an input without channels raises a `ValueError`\nfor every method" in (
        ROOT / "docs" / "downsample-module.md"
    ).read_text(encoding="utf-8")
    assert "没有通道的输入对每种方法都会引发 `ValueError`" in (ROOT / "docs" / "downsample-module.zh.md").read_text(
        encoding="utf-8"
    )
    assert "adaptive_avg_pool2d and pixel_unshuffle\n    do not" in (ROOT / "examples" / "_downsample.py").read_text(
        encoding="utf-8"
    )


def test_antialias_rows_it_stops_short_of_can_still_turn_inf_into_nan(ns):
    # Review 58: "stops short of the last row" can be a zero weight on a row the kernel still
    # reads (5 pixels at factor 3; on 9 at factor 5, row 7 but not row 8): an inf there makes
    # the antialiased output NaN, while 'avg', which never reads its leftover rows, stays finite.
    down = ns["Downsample"]

    def weightless_rows(k, size):
        x = torch.randn(1, 1, size, size, dtype=torch.float64, requires_grad=True)
        (grad,) = torch.autograd.grad(down(k, "antialias-bilinear")(x).sum(), x)
        return [row for row in range(size) if not (grad[0, 0, row] != 0).any()]

    def poisoned(k, size, row):
        x = torch.randn(1, 1, size, size, dtype=torch.float64)
        x[0, 0, row, size // 2] = float("inf")
        assert torch.isfinite(down(k, "avg")(x)).all()
        return bool(down(k, "antialias-bilinear")(x).isnan().any())

    assert weightless_rows(3, 5) == [4] and poisoned(3, 5, 4)
    assert weightless_rows(5, 9) == [7, 8] and poisoned(5, 9, 7) and not poisoned(5, 9, 8)


def _cuda_aa_bilinear(x, out_h, out_w, scale_h, scale_w):
    """CUDA's forward antialiased bilinear kernel, emulated in float32 from the installed UpSample.cuh
    (span, weights, taps multiplied one by one) and upsample_gen2d_aa_out_frame in UpSampleBilinear2d.cu
    (each row of the window resampled along x, then the rows along y; no shortcut for a kept size)."""

    def axis(i, size, scale):
        scale = torch.tensor(scale, dtype=torch.float32)
        support = 1.0 * scale if scale >= 1 else torch.tensor(1.0)
        center = scale * (i + 0.5)
        xmin = max(int(center - support + 0.5), 0)
        xsize = min(int(center + support + 0.5), size) - xmin
        invscale = 1 / scale if scale >= 1 else torch.tensor(1.0)
        w = torch.stack([(1 - ((j + (xmin - center) + 0.5) * invscale).abs()).clamp(min=0) for j in range(xsize)])
        return xmin, w / w.sum() if w.sum() != 0 else w

    def single_dim(src, w):
        out = src[0] * w[0]
        for j in range(1, len(w)):
            out = out + src[j] * w[j]
        return out

    x = x.float()
    out = torch.empty(x.shape[0], x.shape[1], out_h, out_w)
    for oy, ox in itertools.product(range(out_h), range(out_w)):
        ymin, wy = axis(oy, x.shape[-2], scale_h)
        xmin, wx = axis(ox, x.shape[-1], scale_w)
        rows = [single_dim(x[..., ymin + y, xmin : xmin + len(wx)].movedim(-1, 0), wx) for y in range(len(wy))]
        out[..., oy, ox] = single_dim(rows, wy)
    return out


def test_on_cuda_the_kept_axis_reads_its_next_row_so_a_row_past_the_last_tap_is_read(ns):
    """Review 59: 'a row past the filter's last tap is not read at all' holds on the CPU, which copies an axis
    that keeps its size; CUDA's antialiased kernel resamples it too, reading row i + 1 with weight 0, so the
    module's first (width) pass carries an inf in row 8 of 9 into row 7, which the height pass reads."""
    from pathlib import Path

    cuh = (Path(torch.__file__).parent / "include" / "ATen" / "native" / "cuda" / "UpSample.cuh").read_text(
        encoding="utf-8"
    )
    for line in (
        "xmin = max(static_cast<int>(center - support + static_cast<accscalar_t>(0.5)), static_cast<int>(0));",
        "xsize = min(static_cast<int>(center + support + static_cast<accscalar_t>(0.5)), input_size) - xmin;",
        "accscalar_t w = interp_filter((j + xmin_m_center + static_cast<accscalar_t>(0.5)) * invscale);",
        "output += t * wts;",
    ):
        assert line in cuh, line
    k, size = 5, 9

    def module_on_cuda(x):  # the two calls of Downsample(k, 'antialias-bilinear'), through the emulated kernel
        y = _cuda_aa_bilinear(x, size, size // k, 1.0, float(k))
        # an output one pixel wide: the module runs the height pass transposed
        return _cuda_aa_bilinear(y.transpose(-1, -2), 1, size // k, 1.0, float(k)).transpose(-1, -2)

    x = torch.randn(1, 1, size, size, generator=torch.Generator().manual_seed(0))
    down = ns["Downsample"](k, "antialias-bilinear")
    torch.testing.assert_close(module_on_cuda(x), down(x))  # the emulation is the kernel on finite input
    x[0, 0, 8, 4] = float("inf")
    assert down(x).isfinite().all() and module_on_cuda(x).isnan().all()


def test_on_a_gpu_row_8_of_9_turns_the_factor_5_output_nan(ns):
    """Review 60: the CUDA half of the rows-read list, run on the device where there is one; the page
    now lists the rows read per device instead of nesting them in one parenthesis."""
    en = (ROOT / "docs" / "downsample-module.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "downsample-module.zh.md").read_text(encoding="utf-8")
    assert "- On CUDA, row 8 too." in en and "- 在 CUDA 上，行 8 也会被读到。" in zh
    assert "\n- On the CPU, some:" in en and "\n- 在 CPU 上，只读其中一部分：" in zh
    if not torch.cuda.is_available():
        pytest.skip("CUDA's half of the claim needs a GPU")
    down = ns["Downsample"](5, "antialias-bilinear")
    for dtype in (torch.float32, torch.float64, torch.float16):
        x = torch.randn(1, 3, 9, 9, dtype=dtype)
        assert down(x.cuda()).isfinite().all()
        x[0, 1, 8, 4] = float("inf")
        assert down(x).isfinite().all()
        y = down(x.cuda()).cpu()
        assert y[0, 1].isnan().all() and y[0, ::2].isfinite().all(), dtype


def test_max_keeps_a_lone_peak_only_inside_a_block(Downsample):
    """Review r103-6: the page said 'max' keeps a lone peak at full height 'wherever it sits'; on a size the
    factor does not divide, a peak in the leftover rows or columns sits in no block and 'max' returns 0 there.
    The page now says 'wherever it sits in a block'."""
    for k in (2, 3, 4):
        down = Downsample(k, method="max")
        for size in (2 * k + 1, 3 * k + k - 1):
            blocks = size // k * k
            for row, column in itertools.product(range(size), repeat=2):
                spike = torch.zeros(1, 1, size, size)
                spike[..., row, column] = 1.0
                in_a_block = row < blocks and column < blocks
                assert down(spike).amax().item() == (1.0 if in_a_block else 0.0), (k, size, row, column)
    page = (ROOT / "docs" / "downsample-module.md").read_text(encoding="utf-8")
    assert "keeps a lone peak at full height wherever it sits in a block," in page
    zh = (ROOT / "docs" / "downsample-module.zh.md").read_text(encoding="utf-8")
    assert "孤立的峰值只要落在某个块内、不论位置都保持原高度" in zh and "无论落在哪里" not in zh


def test_an_inf_in_a_weightless_row_turns_the_output_nan_only_where_the_kernel_reads_that_pixel(ns):
    """Review r123-6: the page said that where torch's kernel reads a row with weight 0, 'an inf or NaN there turns
    the output NaN', and that on CUDA the width pass 'carries an inf in row 8 into row 7'. On 9 pixels at factor 5,
    column 8 is weightless too and the width pass never reads it, on the CPU and in the CUDA emulation alike: an
    inf at (7, 8) or (8, 8) leaves the output finite, in every dtype and layout. The page now says 'can'."""
    k, size = 5, 9
    down = ns["Downsample"](k, "antialias-bilinear")

    def module_on_cuda(x):
        y = _cuda_aa_bilinear(x, size, size // k, 1.0, float(k))
        return _cuda_aa_bilinear(y.transpose(-1, -2), 1, size // k, 1.0, float(k)).transpose(-1, -2)

    def nan_columns(run, row, dtype=torch.float64, layout=torch.contiguous_format):
        columns = []
        for column in range(size):
            x = torch.randn(1, 3, size, size, dtype=torch.float64, generator=torch.Generator().manual_seed(column))
            x[0, 0, row, column] = float("inf")
            columns.append(bool(run(x.to(dtype).contiguous(memory_format=layout)).isnan().any()))
        return columns

    read_but_last = [True] * (size - 1) + [False]
    for dtype in (torch.float64, torch.float32, torch.float16, torch.bfloat16):
        for layout in (torch.contiguous_format, torch.channels_last):
            assert nan_columns(down, 7, dtype, layout) == read_but_last, (dtype, layout)
    assert nan_columns(module_on_cuda, 8) == read_but_last
    assert_pages_say(
        (
            "downsample-module.md",
            "Where torch's kernel reads a row with weight 0, an inf or NaN there can turn the output NaN",
        ),
        (
            "downsample-module.md",
            "so the module's first pass, along the width, can carry an inf in row 8 into row 7, and turn",
        ),
        ("downsample-module.zh.md", "torch 的内核以 0 权重读入的行里有 inf 或 NaN 时，输出可能变成 NaN"),
        ("downsample-module.zh.md", "所以模块沿宽度方向的第一遍就可能把行 8 的 inf 带进行 7，使输出变成 NaN"),
    )


def test_the_module_comment_names_every_factor_up_to_100_where_scale_factor_comes_out_short():
    """Review r129-6: the module's comment said scale_factor=1/k would compute the size "one short at k = 49"; the
    page's own sweep (heights of 1 to 4 blocks) finds it one short at k = 98 too, and no other factor up to 100, and
    above 100 at 103 and 107 already (a single block, 103 or 107 pixels, comes out empty and raises). The comment
    now names 49 and 98 among the factors up to 100, and 103 and 107 above."""

    def short(k, blocks):
        x = torch.zeros(1, 1, blocks * k, 1)
        try:
            out = F.interpolate(x, scale_factor=(1 / k, 1.0), mode="bilinear", antialias=True)
        except RuntimeError:  # an empty output raises
            return True
        return out.shape[-2] < blocks

    shorts = {k for k in range(2, 111) for blocks in range(1, 5) if short(k, blocks)}
    assert shorts == {49, 98, 103, 107}
    source = " ".join((ROOT / "examples" / "_downsample.py").read_text(encoding="utf-8").replace("#", " ").split())
    assert "one short at k = 49 and 98 (of the factors up to 100; at 103, 107 and more above)" in source
    assert "one short at k = 49." not in source


def test_the_zh_page_names_the_noise_measurement_as_its_table_column_does():
    """Review r129-6: the zh page's table column and its definition say 剩余噪声 (translations.yml's "noise left"),
    but the paragraph before the list and two bullets of "When to use which" said 残余噪声, a word no column
    carries; the zh page now uses the column's word everywhere."""
    column = None
    for line in (ROOT / "docs" / "translations.yml").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith('"noise left":'):
            column = line.split(":", 1)[1].strip().strip('"')
    assert column == "剩余噪声"
    page = (ROOT / "docs" / "downsample-module.zh.md").read_text(encoding="utf-8")
    assert "残余噪声" not in page
    assert page.count(column) >= 4


def test_the_measurements_comment_names_the_page_that_wrap_pads_as_this_one_does():
    """Review r132-6: the measurements cell's comment (shown on the page) said inputs are wrap-padded and
    cropped "as on the previous page"; the page before this one in the site's navigation is Frequency
    response, whose script pads nothing circularly. The page that wrap-pads its inputs is Ways to shrink,
    measured (downsample_methods.py, F.pad(..., mode="circular")), two pages back, the one the page's own
    folded-energy bullet names."""
    import re

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    order = re.findall(r"^\s*- [^\n]*?:\s*([\w-]+\.md)\s*$", config[config.index("\nnav:") :], re.M)
    here = order.index("downsample-module.md")
    assert order[here - 1] == "frequency-response.md" and order[here - 2] == "downsample-methods.md"
    assert 'mode="circular"' not in (ROOT / "examples" / "frequency_response.py").read_text(encoding="utf-8")
    assert 'mode="circular"' in (ROOT / "examples" / "downsample_methods.py").read_text(encoding="utf-8")
    source = (ROOT / "examples" / "downsample_module.py").read_text(encoding="utf-8")
    comment = source[source.index("# %% measurements") : source.index("def random_images")]
    cell = " ".join(comment.replace("\n# ", "\n").split())
    assert "(as on the previous page)" not in cell
    assert 'borders play no part (as on "Ways to shrink, measured", downsample-methods.md, two pages back)' in cell
    assert "[Ways to shrink, measured](downsample-methods.md#how-the-measuring-works)" in " ".join(
        (ROOT / "docs" / "downsample-module.md").read_text(encoding="utf-8").split()
    )


def test_the_measurements_comment_wraps_only_what_the_cell_wraps(ns):
    """Review r133-6: the measurements cell's comment (shown on the page) said "Inputs are wrap-padded
    before each method and cropped after, so that borders play no part", of every measurement. The cell
    wraps the inputs of noise left, folded energy and shift error only (``periodic``); the reconstruction
    error upsamples ``down(images)`` of the whole image and the Pillow comparisons resize whole pictures,
    borders included. The borders show: at factor 2 'blur' ([1, 3, 3, 1] / 8, reflect padding) and
    'antialias-bilinear' (a renormalised tent) compute the same interior, so wrapped they give the same
    reconstruction error, while the cell's whole-image errors differ."""
    source = (ROOT / "examples" / "downsample_module.py").read_text(encoding="utf-8")
    comment = source[source.index("# %% measurements") : source.index("def random_images")]
    cell = " ".join(comment.replace("\n# ", "\n").split())
    assert "Inputs are wrap-padded before each method" not in cell
    assert "For noise left, folded energy and shift error, inputs are wrap-padded" in cell
    assert "the reconstruction error and the comparisons with Pillow take whole images, borders included" in cell
    code = source[source.index("# %% measurements") : source.index("# %% decision_table")]
    assert "left = periodic(down, noise) - periodic(down, torch.zeros_like(noise))" in code
    assert "small = periodic(down, images)" in code and "periodic(down, images.roll(1, dims=d))" in code
    assert 'back = nn.Upsample(scale_factor=2, mode="bilinear")(down(images))' in code
    assert "pillow_bilinear(picture)" in code and "periodic(down, picture" not in code

    images, Downsample = ns["images"], ns["Downsample"]
    upsample = nn.Upsample(scale_factor=2, mode="bilinear")
    pad = 16

    def errors(method):
        down = Downsample(2, method=method)
        whole = upsample(down(images))
        wrapped = upsample(down(F.pad(images, (pad,) * 4, mode="circular")))[..., pad:-pad, pad:-pad]
        return [((back - images).norm() / images.norm()).item() for back in (whole, wrapped)]

    with torch.no_grad():
        (blur_whole, blur_wrapped), (aa_whole, aa_wrapped) = errors("blur"), errors("antialias-bilinear")
    assert blur_wrapped == pytest.approx(aa_wrapped, rel=1e-5)
    assert abs(blur_whole - aa_whole) > 1e-4, (blur_whole, aa_whole)
    assert ns["facts"]["blur"]["reconstruction error"] == pytest.approx(blur_whole, rel=1e-6)


def test_the_inductor_sentence_names_blur_where_this_cpu_rounds_it(Downsample):
    """Review r133-6: 'With Inductor ... every method compiles with fullgraph=True too, but 'area', 'max-blur'
    and 'conv' then differ from eager by float rounding (float64 on the CPU, on a 5x7 input)' named three
    methods; on an Intel CPU with AVX-512 (the one that built this page) 'blur' differs by a rounding step
    too, as the torch.compile page it points to says ('blur' depends on the CPU: bitwise on an AMD EPYC with
    AVX2). Here 'blur' alone is compiled on such an input, one compilation."""
    assert_pages_say(
        (
            "downsample-module.md",
            "`'area'`, `'max-blur'` and `'conv'` then differ from eager by float rounding (float64 on the CPU, "
            "on a 5×7 input), and on some CPUs `'blur'` too: see",
        ),
        ("downsample-module.zh.md", "（CPU 上、float64、5×7 的输入），在某些 CPU 上 `'blur'` 也是如此；"),
    )
    assert "'blur'` depends on the CPU" in (ROOT / "docs" / "torch-compile.md").read_text(encoding="utf-8")
    torch._dynamo.reset()
    torch.manual_seed(0)
    blur = Downsample(2, method="blur")
    x = torch.randn(2, 3, 5, 7, dtype=torch.float64)
    diff = (torch.compile(blur, dynamic=False, fullgraph=True)(x) - blur(x)).abs().max().item()
    assert diff <= 1e-14
    cpuinfo = Path("/proc/cpuinfo")
    flags = cpuinfo.read_text(encoding="utf-8") if cpuinfo.exists() else ""
    if "GenuineIntel" in flags and " avx512f" in flags:
        assert diff > 0, "on an Intel CPU with AVX-512, Inductor's 'blur' was bitwise: the sentence needs another look"


def test_the_rows_say_which_of_their_measurements_the_outputs_above_do_not_print(ns):
    """Review r135-6: 'The script prints each row with the measurements above that back it' (zh without
    'above'); two rows' evidence is printed nowhere above the decision table: the differences to Pillow
    (the measurements cell computes them into `facts` but its table has no such column) and the check that
    'conv''s weights receive gradients. The page now says most are in the outputs above and names these two."""
    from helpers import printed_by

    printed = printed_by("downsample_module.py")
    header = "| you want to | `Downsample(2, method=...)` | measured on this page |"
    above, table = printed.split(header)
    for first_here in ("Pillow", "gradient"):
        assert first_here not in above and first_here in table, first_here
    # the other rows' measurements are in the outputs above
    for shown in (
        "peak kept",
        "noise left",
        "folded energy",
        "shift error",
        "footprint",
        "reach the output",
        "block centre",
    ):
        assert shown in above, shown
    assert_pages_say(
        (
            "downsample-module.md",
            "The script prints each row with the measurements that back it, most of them in the outputs above; "
            "the differences to Pillow and the check that every weight of `'conv'` receives a gradient, which the "
            "measurements cell computes without printing them, appear here first.",
        ),
        (
            "downsample-module.zh.md",
            "其中多数已出现在上面的输出里；与 Pillow 的差值，以及 `'conv'` 的每个权重都收到梯度这一检查，"
            "测量单元格算出后并没有打印，是在这里第一次出现。",
        ),
    )
    page = (ROOT / "docs" / "downsample-module.md").read_text(encoding="utf-8")
    assert "with the measurements above that back it" not in " ".join(page.split())


def test_all_receive_gradients_is_checked_weight_by_weight(ns):
    """Review r135-6: the decision table's 'conv' row says '1040 parameters at 16 channels, all receive
    gradients', and the cell's comment 'sends gradients to every weight'; the script checked that each
    parameter *tensor* had a nonzero gradient somewhere (p.grad.abs().sum() > 0), which a weight with no
    gradient at all passes. It now checks every element; here a module with one input channel held at
    zero, whose weights for that channel get no gradient, fails the check the old code passed."""
    check, Downsample, images = ns["every_weight_gets_a_gradient"], ns["Downsample"], ns["images"]
    torch.manual_seed(0)
    down = Downsample(2, method="conv", channels=16)
    down(images).square().mean().backward()
    assert check(down) and sum(int((p.grad != 0).sum()) for p in down.parameters()) == 1040
    assert ns["facts"]["conv"]["parameters"] == 1040 and ns["facts"]["conv"]["learnable"]
    for channel in (0, 7, 15):
        torch.manual_seed(0)
        down = Downsample(2, method="conv", channels=16)
        held = images.clone()
        held[:, channel] = 0
        down(held).square().mean().backward()
        assert all(p.grad.abs().sum() > 0 for p in down.parameters())  # what the old check asked
        assert not (down.weight.grad[:, channel] != 0).any() and not check(down), channel
    assert "1040 parameters at 16 channels, all receive gradients" in (ns["rows"][6][2])


def test_the_shift_error_row_names_the_max_method_not_the_largest_error(ns):
    """Review r135-6: the 'max-blur' row printed 'the lowest shift error, 0.043 (max 0.433)', where 'max' reads
    as the largest shift error; it is the method 'max''s, and the largest in the table is 'conv''s (0.652). The
    zh translation already named the method (`max` 为). The label now reads (`'max'`: 0.433) in both."""
    f = ns["facts"]
    evidence = ns["rows"][1][2]
    assert f"(`'max'`: {f['max']['shift error']:.3f})" in evidence and "(max " not in evidence
    largest = max((m for m in f if "shift error" in f[m]), key=lambda m: f[m]["shift error"])
    assert largest == "conv" and f"{f['conv']['shift error']:.3f}" != f"{f['max']['shift error']:.3f}"
    translations = (ROOT / "docs" / "translations.yml").read_text(encoding="utf-8")
    assert (
        "\"the lowest shift error, {error} (`'max'`: {max_error}), peak kept {kept}\": "
        "\"平移误差最低，{error}（`'max'` 为 {max_error}），保留的峰值 {kept}\"" in translations
    )


def test_the_area_row_does_not_call_a_half_pixel_shift_a_stretched_grid(ns, Downsample):
    """Review r136-6: the decision table's 'area' row read 'use every pixel of a size that does not divide, on a
    stretched grid' (zh 网格被拉伸). The table is `Downsample(2, ...)`, and at factor 2 every size that does not
    divide is odd, H = 2n + 1: then window i spans pixels 2i to 2i + 2, centred on 2i + 1, so the samples keep the
    blocks' spacing and all move by +0.5 (the row's own evidence): shifted, not stretched. (At other factors some
    sizes do stretch the grid: 14 at factor 4 gives +0.5, +1.0, +1.5.) The row now says 'on a grid off the block
    centres' (zh 采样点偏离块中心), true at every factor."""
    for height in range(3, 66, 2):  # every size factor 2 does not divide, up to 65
        offsets = (
            ramp_positions(Downsample(2, "area"), height) - torch.arange(height // 2, dtype=torch.float64) * 2 - 0.5
        )
        torch.testing.assert_close(offsets, torch.full_like(offsets, 0.5), rtol=0, atol=1e-9)
    stretched = ramp_positions(Downsample(4, "area"), 14) - torch.tensor([1.5, 5.5, 9.5], dtype=torch.float64)
    torch.testing.assert_close(stretched, torch.tensor([0.5, 1.0, 1.5], dtype=torch.float64), rtol=0, atol=1e-9)
    need, method, evidence = ns["rows"][5]
    assert method == "area" and "stretched" not in need
    assert need == "use every pixel of a size that does not divide, on a grid off the block centres"
    assert "samples +0.5 px off the block centres" in evidence
    translations = (ROOT / "docs" / "translations.yml").read_text(encoding="utf-8")
    assert (
        '"use every pixel of a size that does not divide, on a grid off the block centres": '
        '"尺寸不能整除时也用上每个像素（采样点偏离块中心）"' in translations
    )
    assert "网格被拉伸" not in translations


def test_the_blur_pool_paragraph_links_every_page_that_uses_the_implementation():
    """Review r137-6: 'The site keeps one implementation of both, which the aliasing and downsampling pages use
    too' named two of the four other pages whose scripts import it: frequency_response.py (blur_pool, binomial,
    FILTER_SIZES) and other_frameworks.py (blur_pool, against kornia's blur_pool2d) import its function too, and
    their pages show the blur_pool cell. The paragraph now links every page whose script imports BlurPool,
    MaxBlurPool or blur_pool, in en and zh, and says which of them use the function."""
    import ast
    import inspect

    from _downsample import BlurPool

    assert "return blur_pool(x, " in inspect.getsource(BlurPool.forward)  # the function BlurPool calls
    users = set()
    for script in (ROOT / "examples").glob("*.py"):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "_downsample":
                if {alias.name for alias in node.names} & {"BlurPool", "MaxBlurPool", "blur_pool"}:
                    users.add(script.stem.replace("_", "-") + ".md")
    users.discard("downsample-module.md")
    assert users == {"aliasing.md", "downsample-methods.md", "frequency-response.md", "other-frameworks.md"}
    for page in ("downsample-module.md", "downsample-module.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        paragraph = text[text.index("## ") :].split("::: example _downsample.py#blur_pool")[0]
        linked = set(re.findall(r"\]\(([a-z-]+\.md)\)", paragraph))
        assert users <= linked, (page, users - linked)
    assert_pages_say(
        (
            "downsample-module.md",
            "which the [aliasing](aliasing.md) and [downsampling](downsample-methods.md) pages use too; the "
            "[frequency response](frequency-response.md) and [kornia comparison](other-frameworks.md) pages use its "
            "`blur_pool`, the function BlurPool calls.",
        ),
        (
            "downsample-module.zh.md",
            "[混叠](aliasing.md)和[下采样方法](downsample-methods.md)两页用的也是它；[频率响应](frequency-response.md)"
            "和[与 kornia 等框架的对比](other-frameworks.md)两页用的是其中的 `blur_pool`，也就是 BlurPool 调用的那个函数。",
        ),
    )


def test_the_strongest_row_says_its_runner_up_is_ranked_among_the_methods_that_keep_the_channels(ns, Downsample):
    """Review r137-6: the first row of the decision table printed 'peak kept 1.00 at every position (next:
    max-blur, 0.39)' (zh 其次是 max-blur) under a measurements table in which 'pixel-unshuffle' keeps the peak at
    1.000 at every position too: the script ranks only the methods that keep the channel count (`same`), so
    'max-blur' is next among those, not next overall. The row and the page now say what is ranked."""
    facts = ns["facts"]
    assert facts["pixel-unshuffle"]["peak kept min"] == facts["max"]["peak kept min"] == 1.0  # the tie left out
    x = torch.zeros(1, 16, 8, 8)
    keeps_channels = [m for m in Downsample.METHODS if Downsample(2, m, channels=16)(x).shape[1] == 16]
    assert keeps_channels == ns["same"] == [m for m in Downsample.METHODS if m != "pixel-unshuffle"]
    ranked = sorted(keeps_channels, key=lambda m: -facts[m]["peak kept min"])
    assert (ns["strongest"], ns["runner_up"]) == tuple(ranked[:2]) == ("max", "max-blur")
    need, method, evidence = ns["rows"][0]
    assert method == "max" and "(next with the same channel count: max-blur, 0.39)" in evidence
    translations = (ROOT / "docs" / "translations.yml").read_text(encoding="utf-8")
    assert (
        '"peak kept {kept} at every position (next with the same channel count: {runner_up}, {runner_up_kept})": '
        '"在每个位置保留的峰值都是 {kept}（在通道数不变的方法中，其次是 {runner_up}，{runner_up_kept}）"'
        in translations
    )
    assert "at every position (next: {runner_up}" not in translations
    assert_pages_say(
        (
            "downsample-module.md",
            "The methods of the first two rows it picks itself, by ranking the methods of the table that keep the "
            "channel count, all but `'pixel-unshuffle'`.",
        ),
        (
            "downsample-module.zh.md",
            "前两行的方法由脚本对上表中通道数不变的方法（即除 `'pixel-unshuffle'` 以外的所有方法）排序后自己选出。",
        ),
    )


def test_the_odd_size_reach_paragraph_says_what_the_two_methods_it_leaves_out_reach(ns):
    """Review r138-6: 'The script asks autograd which input pixels the output depends on' (zh 脚本借助 autograd
    检查输出依赖于哪些输入像素) introduced a cell that asks it for five methods only; 'conv' and 'max-blur', which
    also return 7x7, went unmentioned. The page now says so and what the two reach: 'conv' the blocks of 'avg',
    'max-blur' only the winners of its dense max, which can lie in the last row and column. Swept over odd and
    even sizes at factors 2 and 4, in float64."""
    assert_pages_say(
        (
            "downsample-module.md",
            "for five of the methods; of the other two,\n`'conv'` reads the same blocks as `'avg'`",
        ),
        (
            "downsample-module.zh.md",
            "检查了其中五种方法的输出依赖于哪些输入像素；另外两种里，`'conv'` 读取的块与 `'avg'` 相同",
        ),
    )
    assert set(ns["reach"]) == {"max", "avg", "area", "antialias-bilinear", "blur"}
    down = ns["Downsample"]
    for factor in (2, 4):
        for height in range(2 * factor + 1, 26):
            torch.manual_seed(height)
            x = torch.randn(1, 2, height, height + 1, dtype=torch.float64, requires_grad=True)
            reached = {}
            for method in ("avg", "conv", "max-blur", "blur"):
                (grad,) = torch.autograd.grad(down(factor, method, channels=2)(x).sum(), x)
                reached[method] = grad != 0
            assert torch.equal(reached["conv"], reached["avg"]), (factor, height)
            winners = reached["max-blur"]
            assert winners.sum() < reached["blur"].sum(), (factor, height)
            assert winners[..., -1, :].any() and winners[..., :, -1].any(), (factor, height)


def test_the_module_docstring_says_area_alone_leaves_the_grid_not_alone_reads_the_rows_left_over(ns):
    """Review r138-6: Downsample's docstring said "'area' alone spreads its windows over the rows a size that does not
    divide leaves over", read as: no other method reads those rows; the default filters of 'antialias-bilinear',
    'blur' and 'max-blur' read them too (the page's 15x15 cell: 225 of 225 for two of them), only their samples stay
    on the block grid. It now says 'area' alone leaves that grid, and that the wider filters can read those rows."""
    source = (ROOT / "examples" / "_downsample.py").read_text(encoding="utf-8")
    doc = " ".join(
        ast.get_docstring(
            next(node for node in ast.parse(source).body if getattr(node, "name", "") == "Downsample")
        ).split()
    )
    assert "'area' alone spreads its windows" not in doc
    assert (
        "'area' alone leaves that grid where the factor does not divide the size, spreading its windows over the rows left over (which the filters wider than a block, of 'antialias-bilinear', 'blur' and 'max-blur', can read too, from samples on the grid)"
        in doc
    )
    down = ns["Downsample"]
    for factor, size in ((2, 15), (2, 9), (2, 21), (4, 15), (4, 19)):
        ramp = torch.arange(size, dtype=torch.float64).expand(1, 1, size, size).clone()
        centres = factor * torch.arange(size // factor, dtype=torch.float64) + (factor - 1) / 2
        for method in ("antialias-bilinear", "blur", "max-blur", "area"):
            x = ramp.clone().requires_grad_(True)
            y = down(factor, method)(x)
            (grad,) = torch.autograd.grad(y.sum(), x)
            if method != "max-blur":  # linear: the output on the ramp is where the sample sits
                inner = (y[0, 0, 0] - centres)[1:-1].abs().max().item()
                assert (inner > 0.1) == (method == "area"), (factor, size, method, inner)
            if factor == 2:  # the default filters reach the rows left over here
                assert grad[0, 0, :, -1].any(), (factor, size, method)


def test_the_filter_size_sentence_names_the_circular_cells_that_need_more_than_one_block(ns, Downsample):
    """Review r138-6: the sentence under the second table named the cells that need more than one block with reflect
    padding and said replicate and zeros need one, but left out the circular column, where 'max-blur' with 5 or 7
    taps needs 3x3 and 4x4. It now names them; checked at factors 2, 4 and 8 by trying sizes."""
    assert_pages_say(
        ("downsample-module.md", "and so does `'max-blur'` with 5 or 7 taps with circular padding"),
        ("downsample-module.zh.md", "用 circular 填充时长度为 5 或 7 的 `'max-blur'` 也是如此"),
    )
    for factor in (2, 4, 8):
        more = set()
        for method, sizes in Downsample.ALIGNED_FILTERS.items():
            for filter_size in sizes:
                down = Downsample(factor, method, filter_size=filter_size, padding_mode="circular")
                try:
                    down(torch.zeros(1, 1, factor, factor))
                except ValueError:
                    more.add((method, filter_size))
        assert more == {("max-blur", 5), ("max-blur", 7)}, factor


def test_a_conv_too_large_to_allocate_fails_in_torch_with_a_type_that_changes_at_int64(Downsample):
    """Review r138-6: 'Bad arguments fail when the module is built, with a message that says what to do' (zh 错误信息
    会告诉你该怎么改): a 'conv' whose weight torch cannot allocate fails in torch's allocation with torch's message,
    a RuntimeError (out of memory, or a storage size past int64), and a TypeError once channels or the factor
    itself passes int64. The page now says so; swept over channels and factors on both sides of 2**63."""
    assert_pages_say(
        ("downsample-module.md", "the module checks types and ranges, not what torch can allocate"),
        (
            "downsample-module.md",
            "with a `RuntimeError`, or a `TypeError` where `channels` or the factor lies outside int64",
        ),
        ("downsample-module.zh.md", "模块只检查类型和取值范围，不检查 torch 能否分配"),
        ("downsample-module.zh.md", "`channels` 或缩小倍数超出 int64 的范围时则抛出 `TypeError`"),
    )
    for channels in (2**31, 2**40, 2**62, 2**63 - 1):
        with pytest.raises(RuntimeError, match="overflow"):
            Downsample(2, "conv", channels=channels)
    for factor in (2**32, 2**62, 2**63 - 1):
        with pytest.raises(RuntimeError, match="overflow"):
            Downsample(factor, "conv", channels=1)
    for channels, factor in ((2**63, 2), (2**64, 2), (2**70, 2), (1, 2**63), (1, 2**70)):
        with pytest.raises(TypeError, match="Overflow"):
            Downsample(factor, "conv", channels=channels)
    cell = (ROOT / "examples" / "downsample_module.py").read_text(encoding="utf-8").split("# %% errors")[1]
    assert (
        "'conv' weights too large to\n# allocate fail in torch's allocation instead, with its RuntimeError, or a TypeError past int64"
        in cell
    )


def test_with_the_minimum_check_taken_out_every_smaller_size_fails_or_returns_no_pixel(Downsample, monkeypatch):
    """Review 139: the tests said "the minimum is exact, not just safe", but they only met the module's own
    refusal below minimum_size, so a minimum one pixel too large would have passed them all. With the module's
    checks of the minimum (and blur_pool's) taken out, every size below minimum_size must fail in torch (or in
    pixel-unshuffle's divisibility check) or return no pixel, and minimum_size itself must work, for every method
    at factors 2, 3 and 4 and every blur filter and padding mode at factors 2, 4 and 8."""
    import sys

    configurations = [(method, k, {"padding_mode": mode}) for method, k, mode, _ in modules(Downsample)]
    for method, filter_sizes in Downsample.ALIGNED_FILTERS.items():
        for filter_size, mode, k in itertools.product(
            filter_sizes, ("reflect", "replicate", "zeros", "circular"), (2, 4, 8)
        ):
            configurations.append((method, k, {"padding_mode": mode, "filter_size": filter_size}))
    built = [
        (method, k, settings, Downsample(k, method=method, channels=2, **settings))
        for method, k, settings in configurations
    ]
    monkeypatch.setattr(sys.modules[Downsample.__module__], "blur_pool_minimum_size", lambda *arguments: 0)
    for method, k, settings, down in built:
        smallest = down.minimum_size
        down.minimum_size = 0
        for size in range(1, smallest):
            for height, width in ((size, size), (size, smallest), (smallest, size)):
                try:
                    out = down(torch.randn(1, 2, height, width))
                except (RuntimeError, ValueError) as error:
                    assert "at least" not in str(error), (method, k, settings, height, width, error)
                    continue
                assert out.numel() == 0, (method, k, settings, height, width, tuple(out.shape))
        out = down(torch.randn(1, 2, smallest, smallest))
        assert out.shape[-2:] == (smallest // k, smallest // k) and out.numel() > 0, (method, k, settings)
    assert_pages_say(
        (
            "downsample-module.md",
            "with the module's check of the minimum taken out, every smaller size fails or returns no pixel",
        ),
        ("downsample-module.zh.md", "去掉模块对最小尺寸的检查后，比它小的每个尺寸都会出错或得不到任何像素"),
    )


def test_the_dtypes_comment_names_every_method_that_builds_its_filter_in_the_input_dtype(Downsample):
    """Review 139: the dtypes cell's comment said "'conv' casts its weights and 'blur' builds its filter in it on
    each call", leaving out 'max-blur', whose blur pool builds its filter in the input's dtype too. The methods
    it names are those that run blur_pool, the module's ALIGNED_FILTERS, and each returns the input's dtype."""
    source = (ROOT / "examples" / "downsample_module.py").read_text(encoding="utf-8")
    comment = source.split("# %% dtypes\n", 1)[1].split("\ngenerator", 1)[0]
    named = set(
        re.findall(r"'([a-z-]+)'", comment.split("build their filter", 1)[0].split("casts its weights and", 1)[1])
    )
    assert named == set(Downsample.ALIGNED_FILTERS), named
    for method in Downsample.ALIGNED_FILTERS:
        for dtype in FLOATS:
            assert Downsample(2, method)(torch.randn(1, 1, 8, 8).to(dtype)).dtype == dtype, (method, dtype)


def test_the_module_docstring_names_every_torch_function_that_takes_an_input_without_channels(Downsample):
    """Review 139: the Downsample docstring said "torch's max_pool2d and avg_pool2d refuse them, its
    adaptive_avg_pool2d does not", leaving out pixel_unshuffle, which returns an empty tensor too (the page says
    both). Of the torch calls the methods make, on an input without channels, the ones that return instead of
    raising are exactly the two it names (blur_pool with zeros padding, which F.pad passes, fails in conv2d)."""
    empty = torch.zeros(1, 0, 8, 8)
    calls = {
        "max_pool2d": lambda: F.max_pool2d(empty, 2),
        "avg_pool2d": lambda: F.avg_pool2d(empty, 2),
        "adaptive_avg_pool2d": lambda: F.adaptive_avg_pool2d(empty, [4, 4]),
        "_upsample_bilinear2d_aa": lambda: torch.ops.aten._upsample_bilinear2d_aa(empty, [8, 4], False, 1.0, 0.5),
        "pixel_unshuffle": lambda: F.pixel_unshuffle(empty, 2),
        "blur_pool": lambda: blur_pool(empty, 4, 2, "zeros", False),
        "conv2d": lambda: F.conv2d(empty, torch.zeros(2, 2, 2, 2), stride=2),
    }
    returned = set()
    for name, call in calls.items():
        try:
            out = call()
        except RuntimeError:
            continue
        assert out.numel() == 0, name
        returned.add(name)
    assert returned == {"adaptive_avg_pool2d", "pixel_unshuffle"}, returned
    docstring = Downsample.__doc__
    assert "its adaptive_avg_pool2d and pixel_unshuffle\n    do not, and return an empty tensor" in docstring
    assert "its adaptive_avg_pool2d does not)" not in docstring
    for method in Downsample.METHODS:
        with pytest.raises(ValueError, match="at least one channel"):
            Downsample(2, method, channels=2)(empty)


def test_the_second_call_bug_link_lands_on_the_section_that_states_it():
    """ "(the bug shown in [Which modes work where](interpolate-support.md))" opened at that page's top, two lines after
    a link to the same bug's section (noticed by review r139)."""
    assert_pages_say(
        ("downsample-module.md", "(the bug shown in [Which modes work where](interpolate-support.md#width-one-bug))"),
        ("downsample-module.zh.md", "（这个 bug 见[各模式支持哪些输入](interpolate-support.md#width-one-bug)）"),
    )
    for page in ("downsample-module.md", "downsample-module.zh.md"):
        text = (Path(__file__).resolve().parents[2] / "docs" / page).read_text(encoding="utf-8")
        assert "](interpolate-support.md)" not in text, page


def test_the_folded_energy_and_shift_error_link_lands_on_the_section_that_defines_them():
    """Review 140: "folded energy and shift error: as on [Ways to shrink, measured](downsample-methods.md)" opened
    at that page's top; the two measures, the ideal reference and the images are defined in its section "How the
    measuring works" (怎么测量)."""
    assert_pages_say(
        (
            "downsample-module.md",
            "[Ways to shrink, measured](downsample-methods.md#how-the-measuring-works), on random",
        ),
        ("downsample-module.zh.md", "与[各种缩小方法的实测对比](downsample-methods.md#怎么测量)中的定义相同"),
    )
    for page, heading, words in (
        (
            "downsample-methods.md",
            "## How the measuring works\n",
            ("**folded", "**shift error**", "**The reference.**"),
        ),
        ("downsample-methods.zh.md", "## 怎么测量\n", ("折叠能量", "平移误差", "参考")),
    ):
        section = (ROOT / "docs" / page).read_text(encoding="utf-8").split(heading, 1)[1].split("\n## ", 1)[0]
        assert all(word in section for word in words), page
    assert "(downsample-methods.md), on random" not in (ROOT / "docs" / "downsample-module.md").read_text(
        encoding="utf-8"
    )
    assert "(downsample-methods.md)中的定义" not in (ROOT / "docs" / "downsample-module.zh.md").read_text(
        encoding="utf-8"
    )
