"""The claims of docs/recipes*.md, asserted on the example's values and swept over their domain with torch."""

import itertools
import os
import warnings
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

from helpers import ROOT, assert_pages_say, one_thread, printed_by, run_example, run_python  # noqa: F401  (one_thread: an autouse fixture)

# The page states these bit-for-bit patterns for oneDNN's AVX2 / AVX-512 kernels; limited to SSE4.1 the two layers agree.
_NEEDS_ONEDNN_AVX2 = pytest.mark.skipif(
    os.environ.get("ONEDNN_MAX_CPU_ISA", "").upper().startswith("SSE")
    or torch.backends.cpu.get_cpu_capability() == "DEFAULT",
    reason="oneDNN without AVX2 kernels",
)


@pytest.fixture(scope="module")
def run():
    return run_example("recipes.py"), printed_by("recipes.py")


@pytest.fixture(scope="module")
def ns(run):
    return run[0]


# --- 1. segmentation masks ---------------------------------------------------


def test_int64_masks_are_rejected_uint8_and_float_accepted(ns):
    accepted = ns["mask_dtype_accepted"]
    assert accepted[torch.uint8] and accepted[torch.float32]
    assert not accepted[torch.int64] and not accepted[torch.int32] and not accepted[torch.bool]
    for mode, rank in itertools.product(("nearest", "nearest-exact"), (3, 4, 5)):
        for dtype, ok in accepted.items():
            x = torch.zeros((1, 2) + (3,) * (rank - 2), dtype=dtype, device=ns["device"])
            try:
                F.interpolate(x, scale_factor=2, mode=mode)
                assert ok, (mode, rank, dtype)
            except (RuntimeError, NotImplementedError):
                assert not ok, (mode, rank, dtype)


def test_cpu_nearest_dtypes_are_not_the_floating_types_and_uint8_that_cuda_dispatches():
    # Review 79: the page said the CUDA kernels dispatch "the same types (floating types and uint8)" as the cell's
    # CPU. The CPU's 4-D and 5-D nearest kernels take quantized maps too, which CUDA's have no kernel for, and the
    # float8 types are floating point (is_floating_point) yet neither device takes them; the page now says only
    # that CUDA takes uint8 and float32 as well.
    dtypes = [torch.uint8, torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64]
    dtypes += [torch.float8_e4m3fn, torch.float8_e5m2, torch.float8_e4m3fnuz, torch.float8_e5m2fnuz, torch.int8]
    quantized = [torch.quint8, torch.qint8, torch.qint32]
    for mode, rank in itertools.product(("nearest", "nearest-exact"), (3, 4, 5)):
        shape, size = (1, 2) + (3,) * (rank - 2), (5,) * (rank - 2)
        taken = set()
        for dtype in dtypes + quantized:
            if dtype in quantized:
                x = torch.quantize_per_tensor(torch.rand(shape), 0.1, 0, dtype)
            else:
                x = torch.zeros(shape).to(dtype)
            try:
                F.interpolate(x, size=size, mode=mode)
                taken.add(dtype)
            except (RuntimeError, NotImplementedError):
                pass
        floating_and_uint8 = {d for d in dtypes if d.is_floating_point} | {torch.uint8}
        assert taken - set(quantized) == {torch.uint8, torch.float16, torch.bfloat16, torch.float32, torch.float64}
        assert taken != floating_and_uint8 and (rank == 3 or set(quantized) <= taken), (mode, rank, taken)
    page = (Path(__file__).parents[2] / "docs" / "recipes.md").read_text(encoding="utf-8")
    assert "dispatch the same types" not in page and "The CUDA kernels take both too" in page
    if torch.cuda.is_available():
        for mode, rank, dtype in itertools.product(
            ("nearest", "nearest-exact"), (3, 4, 5), (torch.uint8, torch.float32)
        ):
            x = torch.zeros((1, 2) + (3,) * (rank - 2), dtype=dtype, device="cuda")
            assert F.interpolate(x, size=(5,) * (rank - 2), mode=mode).dtype == dtype


def test_one_hot_and_cross_entropy_want_int64_masks():
    # Review 55: "F.one_hot accepts no other dtype" was checked on uint8 and int32 only; every integer,
    # unsigned, bool, floating and complex dtype, and (for one_hot) empty masks and an inferred class count too.
    dtypes = [torch.uint8, torch.uint16, torch.uint32, torch.uint64, torch.int8, torch.int16, torch.int32]
    dtypes += [torch.int64, torch.bool, torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64]
    scores = torch.randn(1, 4, 3, 3)
    for dtype in dtypes:
        uses = [lambda: F.cross_entropy(scores, torch.zeros(1, 3, 3, dtype=dtype))]
        for shape, classes in (((1, 3, 3), 4), ((1, 3, 3), -1), ((0, 3, 3), 4), ((2, 0), 4)):
            uses.append(lambda shape=shape, classes=classes: F.one_hot(torch.zeros(shape, dtype=dtype), classes))
        accepted = []
        for k, use in enumerate(uses):
            try:
                out = use()
                accepted.append(True)
                assert k == 0 or out.dtype == torch.int64, dtype  # one_hot returns int64
            except RuntimeError:
                accepted.append(False)
        assert accepted == [dtype == torch.int64] * 5, dtype


def test_cross_entropy_rejects_int32_masks_and_uint8_ones_unless_empty_and_reduced():
    # edge: an empty uint8 mask (zero batch or a zero side) passes with mean or sum reduction, not with
    # "none" (review r77-7: the page said only non-empty uint8 masks were rejected); class weights and
    # label smoothing change nothing
    for shape in ((0, 4, 3, 3), (2, 4, 0, 3), (2, 4, 3, 3), (1, 4, 1, 1), (2, 4, 0)):
        scores = torch.randn(shape)
        for dtype, reduction, weight, smoothing in itertools.product(
            (torch.uint8, torch.int32), ("mean", "sum", "none"), (None, torch.rand(4)), (0.0, 0.1)
        ):
            mask = torch.zeros(shape[:1] + shape[2:], dtype=dtype)
            empty = mask.numel() == 0
            try:
                F.cross_entropy(scores, mask, weight=weight, reduction=reduction, label_smoothing=smoothing)
                accepted = True
            except RuntimeError:
                accepted = False
            expected = dtype == torch.uint8 and empty and reduction != "none"
            assert accepted == expected, (shape, dtype, reduction, weight is None, smoothing)


def offsets(mode, size_in, size_out=None, **kwargs):
    ramp = torch.arange(size_in, dtype=torch.float64).view(1, 1, -1)
    read = F.interpolate(ramp, size=size_out, mode=mode, **kwargs)[0, 0]
    n = read.shape[-1]
    return read - ((torch.arange(n, dtype=torch.float64) + 0.5) * size_in / n - 0.5)


def test_nearest_reads_half_of_factor_minus_one_pixels_early_when_shrinking_by_whole_factors():
    for k in range(1, 101):
        for n in range(1, 10):
            torch.testing.assert_close(
                offsets("nearest", k * n, n), torch.full((n,), -(k - 1) / 2, dtype=torch.float64)
            )
            expected = 0.0 if k % 2 else 0.5  # an odd block has a centre pixel, an even one does not
            torch.testing.assert_close(
                offsets("nearest-exact", k * n, n), torch.full((n,), expected, dtype=torch.float64)
            )


def test_nearest_exact_never_reads_more_than_half_a_pixel_off_with_size():
    for size_in, size_out in itertools.product(range(1, 65), range(1, 65)):
        assert offsets("nearest-exact", size_in, size_out).abs().max() <= 0.5 + 1e-9, (size_in, size_out)


def test_with_a_scale_factor_whose_product_is_not_whole_nearest_exact_can_read_further(ns):
    rows = [k for k, (size_in, how) in enumerate(ns["offset_cases"]) if "scale_factor" in how]
    worst = [ns["offsets"]["nearest-exact", k].abs().max().item() for k in rows]
    assert max(worst) > 0.5  # 5 x 0.3: further than half a pixel
    assert min(worst) <= 0.5  # 7 x 0.5: also not whole, yet within half a pixel ("can", not "does")
    # recompute_scale_factor=True puts every case of a grid back within half a pixel
    for size_in, factor in itertools.product(range(1, 40), (0.3, 0.45, 0.5, 0.7, 1.3, 1.5, 2.5)):
        if int(size_in * factor) >= 1:
            o = offsets("nearest-exact", size_in, scale_factor=factor, recompute_scale_factor=True)
            assert o.abs().max() <= 0.5 + 1e-9, (size_in, factor)


def test_scale_factor_one_over_k_can_drop_an_output_pixel(ns):
    # independent of the example's shape-only sweep: real resizes, and `size` as the fix
    short = set()
    for k, n in itertools.product(range(2, 101), range(2, 41)):
        x = torch.arange(float(k * n)).view(1, 1, -1)
        out = F.interpolate(x, scale_factor=1 / k, mode="nearest-exact").shape[-1]
        if out != n:
            short.add(k)
            assert out == n - 1, (k, n, out)
        assert F.interpolate(x, size=n, mode="nearest-exact").shape[-1] == n
    assert short and short == set(ns["short_factors"])
    # Review 37: only some k lose a pixel, so the page says "can" (zh 可能), not "will" (zh 会).
    assert len(short) < 99
    assert "甚至会少一个输出像素" not in (Path(__file__).parents[2] / "docs" / "recipes.zh.md").read_text(
        encoding="utf-8"
    )


def test_nearest_exact_near_tie_at_large_sizes(ns):
    t = ns["near_tie"]
    assert 0.5 < t["offset"] < 0.5 + 1e-3 and t["pil"] != t["read"]
    assert abs(t["pil"] - t["centre"]) < 0.5  # Pillow reads the nearer pixel there
    # the bound the page states, over random pairs of sizes up to 5000, on the CPU
    rng = np.random.default_rng(1)
    worst = 0.0
    for size_in, size_out in rng.integers(65, 5001, (300, 2)):
        worst = max(worst, offsets("nearest-exact", int(size_in), int(size_out)).abs().max().item())
    assert 0.5 < worst < 0.5 + 1e-3


def test_the_float64_near_tie_comes_from_rounding_the_product_not_in_over_out(ns):
    # Review 31: the page said "in / out rounded to float32" tips the near-tie of the first line under the table;
    # that line is a float64 ramp, whose in / out the CPU keeps in double: float32 in / out (and a float32
    # product) reads the nearer pixel there, the double ratio with its product rounded to float32 reads torch's.
    t = ns["near_tie"]
    centre = np.float64(t["i"] + 0.5)
    ratio = t["size_in"] / t["size_out"]
    assert np.floor(np.float32(centre) * np.float32(ratio)) == round(t["centre"])
    assert np.floor(np.float32(centre * ratio)) == t["read"] != round(t["centre"])
    # float32 input (in / out and the product in float32) also tips near-ties at such sizes
    worst = max(
        (
            F.interpolate(torch.arange(float(a)).view(1, 1, -1), size=b, mode="nearest-exact")[0, 0].double()
            - ((torch.arange(b, dtype=torch.float64) + 0.5) * a / b - 0.5)
        )
        .abs()
        .max()
        .item()
        for a, b in [(4861, 2140)]
    )
    assert 0.5 < worst < 0.5 + 1e-3


def test_nearest_exact_and_pil_differ_off_ties_only_within_a_hair_of_one():
    rng = np.random.default_rng(2)
    differ = 0
    for size_in, size_out in rng.integers(1000, 5001, (150, 2)):
        size_in, size_out = int(size_in), int(size_out)
        image = Image.fromarray(np.arange(size_in, dtype=np.int32)[None])
        pil = torch.from_numpy(np.asarray(image.resize((size_out, 1), Image.NEAREST))[0].astype(np.int64))
        ours = F.interpolate(torch.arange(float(size_in)).view(1, 1, -1), size=size_out, mode="nearest-exact")[0, 0]
        centre = (torch.arange(size_out, dtype=torch.float64) + 0.5) * size_in / size_out  # boundaries are whole
        near = (centre - centre.round()).abs() < 1e-3
        assert torch.equal(ours.long()[~near], pil[~near]), (size_in, size_out)
        differ += int((ours.long() != pil).sum())
    assert differ > 0


def test_the_near_tie_where_pillow_differs_is_the_float64_ramps_a_float32_row_matches_pillow_there(ns):
    # Review r129-7: the Pillow paragraph called the line under the offset table "the float32 near-tie"; that line
    # is a float64 ramp (in / out kept in double, the product rounded to float32), and a float32 row, the dtype of
    # the Pillow sweep, reads Pillow's pixel there; float32 rows part from Pillow at other near-ties (4861 -> 2140).
    t = ns["near_tie"]
    assert (t["size_in"], t["size_out"], t["i"]) == (2517, 4576, 4001)
    for (size_in, size_out, i), view in itertools.product(
        [(2517, 4576, 4001), (4861, 2140, 2029)], [(1, 1, -1), (1, 1, 1, -1)]
    ):
        pil = np.asarray(
            Image.fromarray(np.arange(size_in, dtype=np.int32)[None]).resize((size_out, 1), Image.NEAREST)
        )[0]
        centre = (i + 0.5) * size_in / size_out - 0.5
        assert abs(centre - round(centre)) > 0.499 and pil[i] == round(centre), (size_in, size_out)
        read = {
            dtype: F.interpolate(torch.arange(size_in, dtype=dtype).view(view), size=size_out, mode="nearest-exact")
            .flatten()
            .long()
            .numpy()
            for dtype in (torch.float32, torch.float64)
        }
        assert read[torch.float64][i] != pil[i], (size_in, size_out, view)
        assert (read[torch.float32][i] == pil[i]) == (size_in == 2517), (size_in, size_out, view)
    assert_pages_say(
        (
            "recipes.md",
            "the near-tie of the `float64` ramp shown under the offset table is one (first line under this table; a `float32` row reads Pillow's pixel there, and parts from it at other near-ties, such as output pixel 2029 of 4861 → 2140)",
        ),
        (
            "recipes.zh.md",
            "上面偏差表下那个 `float64` 斜坡的近似平局就是一例（见本表下第一行；`float32` 的一行在那里读到的是 Pillow 的像素，在别的近似平局处才与它不同，例如 4861 → 2140 时下标为 2029 的输出像素）",
        ),
    )
    for page, old in (("recipes.md", "the float32 near-tie"), ("recipes.zh.md", "那个 float32 的近似平局")):
        assert old not in (Path(__file__).parents[2] / "docs" / page).read_text(encoding="utf-8"), page


def test_example_offsets_table(ns):
    o = ns["offsets"]
    sizes = [how.get("size") for _, how in ns["offset_cases"]]
    at = {s: i for i, s in enumerate(sizes)}
    assert o["nearest", at[16]].mean().item() == pytest.approx(-1.0)
    assert o["nearest", at[12]].mean().item() == pytest.approx(-1.5)
    assert o["nearest-exact", at[16]].abs().max().item() == 0
    assert torch.equal(o["nearest", at[96]], o["nearest-exact", at[96]])
    assert o["nearest", at[37]].abs().max() > 1  # a non-whole shrink: nearest reads more than a pixel off


@pytest.mark.parametrize("rank,factors,sizes", [(3, 200, (1, 2, 3, 5, 9)), (4, 200, (1, 2, 3)), (5, 64, (1, 2))])
def test_whole_upscaling_nearest_exact_is_pixel_blocks_and_nearest_is_except_some_factors(ns, rank, factors, sizes):
    broken = set()
    for r in range(1, factors + 1):
        for n in sizes:
            x = torch.randn((1, 2) + (n,) * (rank - 2), generator=torch.Generator().manual_seed(n))
            blocks = x
            for dim in range(2, rank):
                blocks = blocks.repeat_interleave(r, dim=dim)
            for kwargs in (dict(scale_factor=r), dict(size=(n * r,) * (rank - 2))):
                assert torch.equal(F.interpolate(x, mode="nearest-exact", **kwargs), blocks), (r, n, kwargs)
                if not torch.equal(F.interpolate(x, mode="nearest", **kwargs), blocks):
                    broken.add(r)
    assert broken  # the exception the page shows
    assert min(broken) > 40  # factors up to 40 are exact
    if factors == 200:
        assert set(ns["not_blocks"]["nearest"]) == broken
    assert not ns["not_blocks"]["nearest-exact"]
    # and they are not the same at a non-whole upscaling factor
    x = torch.arange(4.0).view(1, 1, 4)
    assert not torch.equal(F.interpolate(x, size=10, mode="nearest"), F.interpolate(x, size=10, mode="nearest-exact"))


def test_nearest_float32_ratio_is_for_uint8_and_float32_not_always_float64():
    # The page: for uint8 and float32 masks nearest multiplies by a float32 1/r, so a row of 2 at
    # x41 is not pixel blocks; float64 can be computed in double on the CPU, and then it is.
    for rank in (3, 4, 5):
        x = torch.arange(2.0).view(1, 1, 2, *[1] * (rank - 3)).repeat(1, 1, 1, *[2] * (rank - 3))
        for dtype, exact in ((torch.uint8, False), (torch.float32, False), (torch.float64, True)):
            y = F.interpolate(x.to(dtype), scale_factor=41, mode="nearest")
            zeros = int((y[0, 0].reshape(82, -1)[:, 0] == 0).sum())
            assert (zeros == 41) == exact, (rank, dtype, zeros)


def test_float64_nearest_keeps_float32_in_the_small_and_channels_last_kernels():
    """Review 18: float64 x41 gives blocks in 1-D and large 4-D maps, not for a small 4-D output
    (height + width <= 128) nor channels_last with more than 3 channels (float32 there)."""
    for h in (1, 2, 45, 46, 47, 48, 100):
        for channels, channels_last in ((1, False), (3, True), (4, True), (4, False)):
            x = torch.arange(2.0, dtype=torch.float64).expand(1, channels, h, 2).contiguous()
            if channels_last:
                x = x.contiguous(memory_format=torch.channels_last)
            y = F.interpolate(x, size=(h, 82), mode="nearest")
            float32_kernel = h + 82 <= 128 or (channels_last and channels > 3)
            assert torch.equal(y, x.repeat_interleave(41, -1)) != float32_kernel, (h, channels, channels_last)
            if float32_kernel:
                assert y[0, 0, 0, 41].item() == 0.0
    for channels in (3, 4):  # channels_last_3d too, at any output size
        x = (
            torch.arange(2.0, dtype=torch.float64)
            .expand(1, channels, 30, 30, 2)
            .contiguous(memory_format=torch.channels_last_3d)
        )
        y = F.interpolate(x, size=(30, 30, 82), mode="nearest")
        assert torch.equal(y, x.repeat_interleave(41, -1)) == (channels <= 3), channels


def test_float64_nearest_rounds_the_product_to_float32():
    """Review 18: "float64 ... computed in double" failed: the double product is rounded to float32 before the floor."""
    for shape, size in (((1, 1, 13623), 14781), ((1, 1, 1, 13623), (1, 14781))):
        x = torch.arange(13623, dtype=torch.float64).view(shape)
        y = F.interpolate(x, size=size, mode="nearest").flatten()
        assert 8284 * 13623 // 14781 == 7634 and y[8284].item() == 7635.0, shape


def test_whole_factor_blocks_break_in_rows_of_millions():
    # float32 positions stop being exact: at x3 nearest-exact breaks before output pixel 2**23, nearest before 2**24
    x = torch.arange(2**24 // 3 + 1000, dtype=torch.float32).view(1, 1, -1)
    blocks = x.repeat_interleave(3, dim=-1)
    for mode, limit in (("nearest-exact", 2**23), ("nearest", 2**24)):
        broken = (F.interpolate(x, scale_factor=3, mode=mode) != blocks).nonzero()[:, -1]
        assert 10**6 < broken.min() < limit, mode


def test_whole_factor_blocks_break_within_a_minute_or_two_of_48khz_audio():
    # the page: at x3 the first break comes from under a minute of 48 kHz input with nearest-exact, under two with nearest
    x = torch.arange(2**24 // 3 + 1000, dtype=torch.float32).view(1, 1, -1)
    blocks = x.repeat_interleave(3, dim=-1)
    for mode, minutes in (("nearest-exact", 1), ("nearest", 2)):
        first = (F.interpolate(x, scale_factor=3, mode=mode) != blocks).nonzero()[0, -1].item()
        assert 30 * minutes < first // 3 / 48000 < 60 * minutes, mode


def test_the_zh_page_puts_the_audio_minutes_on_the_resize_not_on_repeat_interleave():
    # Review r129-7: en says "A 1-D signal that long (there the first break comes from under a minute of 48 kHz
    # audio with nearest-exact, ...) is enlarged exactly by repeat_interleave"; the zh page put the minutes after
    # repeat_interleave, introduced by 这时 ("then"), so they read as where repeat_interleave breaks, which it never
    # does (the test above compares against it). The zh parenthesis now sits on the signal, before the advice.
    text = " ".join((Path(__file__).parents[2] / "docs" / "recipes.zh.md").read_text(encoding="utf-8").split())
    sentence = text[text.index("这么长的一维信号") :]
    sentence = sentence[: sentence.index("。") + 1]
    assert sentence.index("48 kHz") < sentence.index("`repeat_interleave`"), sentence
    assert sentence.endswith("请用 `repeat_interleave`。") and "这时" not in sentence, sentence
    assert_pages_say(
        ("recipes.md", "A 1-D signal that long (there the first break comes from under a minute of 48 kHz")
    )


def test_the_x3_break_points_are_for_float32_rows_a_float64_row_breaks_later():
    # Review 107: "at x3, nearest-exact breaks within the first 2**23 output pixels and nearest within the first
    # 2**24", and the 48 kHz audio minutes, held for float32 only: a float64 row gets its ratio in double on the
    # CPU, so nearest-exact first breaks past 2**23 (at 3 * 2**22 + 2, about 87 s of 48 kHz) and nearest not in
    # the first 2**24 output pixels. The page now names float32.
    assert_pages_say(
        (
            "recipes.md",
            "on a `float32` row with `scale_factor=3` and no `recompute_scale_factor=True`, `nearest-exact` breaks within the first 2²³",
        ),
        ("recipes.md", "(there the first break comes from under a minute"),
        (
            "recipes.zh.md",
            "`float32` 的一行用 `scale_factor=3` 放大且不设 `recompute_scale_factor=True` 时，`nearest-exact` 在前 2²³",
        ),
        ("recipes.zh.md", "（在这样的行上，`nearest-exact` 第一次出错时读到的还不到一分钟"),
    )
    n = 2**24 // 3 + 10
    blocks = torch.arange(3 * n) // 3
    for shape, factor in (((1, 1, n), 3), ((1, 1, 1, n), (1, 3))):
        x = torch.arange(n, dtype=torch.float64).view(shape)
        exact = (F.interpolate(x, scale_factor=factor, mode="nearest-exact").flatten() != blocks).nonzero()
        assert 2**23 < exact[0].item() and exact[0].item() // 3 / 48000 > 60, shape
        assert torch.equal(
            F.interpolate(x, scale_factor=factor, mode="nearest").flatten()[: 2**24], blocks[: 2**24].double()
        )


def test_the_x3_break_points_are_for_scale_factor_size_gives_another_ratio():
    # Review 108: "on a float32 row at x3, nearest-exact breaks within the first 2**23 output pixels" held given
    # scale_factor=3 (ratio float(1/3) for every row) but not given size=3n or recompute_scale_factor=True: the ratio
    # is then n / 3n in float, and on 5593405 samples (3n odd, above 2**24, rounds in float) nearest-exact first
    # breaks at 2**23 + 4, in 1-D to 3-D. The page now names scale_factor=3 without recompute_scale_factor=True.
    n = 2**24 // 3 + 1000
    blocks = torch.arange(3 * n) // 3
    for shape in ((1, 1, n), (1, 1, 1, n), (1, 1, 1, 1, n)):
        x = torch.arange(n, dtype=torch.float32).view(shape)
        factor = (1,) * (len(shape) - 3) + (3,)

        def first_break(**how):
            return (F.interpolate(x, mode="nearest-exact", **how).flatten() != blocks).nonzero()[0].item()

        assert first_break(scale_factor=factor) < 2**23, shape
        assert first_break(size=shape[2:-1] + (3 * n,)) == 2**23 + 4, shape
        assert first_break(scale_factor=factor, recompute_scale_factor=True) == 2**23 + 4, shape


def test_nearest_exact_equals_pil_nearest_off_ties_wider_sweep_and_in_2d():
    ties_differ = 0
    for size_in in range(1, 81):
        image = Image.fromarray((np.arange(size_in) % 256).astype(np.uint8)[None])
        row = torch.arange(size_in, dtype=torch.float32).view(1, 1, 1, -1)
        for size_out in range(1, 81):
            pil = torch.from_numpy(np.asarray(image.resize((size_out, 1), Image.NEAREST))[0].astype(np.int64))
            ours = F.interpolate(row, size=(1, size_out), mode="nearest-exact")[0, 0, 0].long()
            tie = (2 * torch.arange(size_out) + 1) * size_in % (2 * size_out) == 0
            assert torch.equal(ours[~tie], pil[~tie]), (size_in, size_out)
            ties_differ += int((ours[tie] != pil[tie]).sum())
    assert ties_differ > 0  # why the page's sentence excludes ties
    # rows and columns are resized independently: a 2-D map off ties
    rng = np.random.default_rng(0)
    for h, w, oh, ow in [(7, 5, 3, 11), (9, 13, 5, 4), (3, 3, 8, 9)]:
        data = rng.integers(0, 255, (h, w), dtype=np.uint8)
        pil = torch.from_numpy(np.asarray(Image.fromarray(data).resize((ow, oh), Image.NEAREST)).astype(np.int64))
        ours = F.interpolate(torch.from_numpy(data)[None, None].float(), size=(oh, ow), mode="nearest-exact")[
            0, 0
        ].long()
        assert torch.equal(ours, pil)


def test_example_pil_counts(ns):
    off, at = ns["pil_mismatch"]["nearest-exact"]
    assert off == 0 and at > 0
    assert ns["pil_mismatch"]["nearest"][0] > 1000
    size_in, size_out, i, ours, pil = ns["first_tie_mismatch"]
    assert (2 * i + 1) * size_in % (2 * size_out) == 0 and ours != pil


def test_shrinking_one_hot_bilinear_differs_least_and_nearest_most(ns):
    results = ns["mask_results"]
    for size in ns["mask_sizes"]:
        if size >= ns["source_size"]:
            continue
        wrong = {name: results[size, name]["wrong"] for name in ns["mask_methods"]}
        assert wrong["one-hot + bilinear"] == min(wrong.values()), (size, wrong)
        assert sorted(wrong.values())[1] < wrong["nearest"], (size, wrong)  # nearest alone the most
        assert max(abs(v) for v in results[size, "nearest"]["shift"]) > max(
            abs(v) for v in results[size, "one-hot + bilinear"]["shift"]
        )
    # at a whole odd factor (1/3), nearest-exact samples the centres the drawing samples and
    # bilinear reads them with weight 1: a tie at zero, so "differs the least" alone would be false
    assert results[16, "nearest-exact"]["wrong"] == results[16, "one-hot + bilinear"]["wrong"] == 0


def test_enlarging_by_a_non_whole_factor_no_method_wins(ns):
    results = ns["mask_results"]
    best = {size: min(ns["mask_methods"], key=lambda name: results[size, name]["wrong"]) for size in (120, 67)}
    assert best[120] != best[67]


def test_at_x2_the_three_methods_give_one_mask(ns):
    gen = torch.Generator().manual_seed(0)
    for h, w, classes in itertools.product(range(1, 10), range(1, 10), (2, 3, 5)):
        mask = torch.randint(0, classes, (h, w), generator=gen).to(ns["device"])
        results = [method(mask, (2 * h, 2 * w)) for method in ns["mask_methods"].values()]
        assert all(torch.equal(results[0], r) for r in results[1:]), (h, w, classes)


def test_example_at_x2_all_equal_and_at_9_every_method_loses_a_class(ns):
    results = ns["mask_results"]
    masks = [results[96, name]["resized"] for name in ns["mask_methods"]]
    assert all(torch.equal(masks[0], m) for m in masks[1:])
    assert all(results[9, name]["lost"] for name in ns["mask_methods"])
    assert ns["reference_lost"][9]
    assert not any(results[size, name]["lost"] for size in ns["mask_sizes"] if size > 9 for name in ns["mask_methods"])


def test_one_hot_memory():
    assert F.one_hot(torch.zeros(2, 3, dtype=torch.long), 5).dtype == torch.int64  # before .float()
    assert F.one_hot(torch.zeros(2, 3, 4, dtype=torch.long), 7).permute(0, 3, 1, 2).float().nbytes == 2 * 7 * 3 * 4 * 4


def test_example_one_hot_bytes(ns):
    assert ns["one_hot_bytes"](2, 7, 3, 4) == torch.zeros(2, 7, 3, 4).nbytes


# --- 2. ViT position embeddings ----------------------------------------------


def test_pos_embed_tokens_and_class_token(ns):
    r = ns["pos_results"]
    for name in ns["embeddings"]:
        assert r[name, 16]["tokens"] == 1 + 16 * 16 and r[name, 24]["tokens"] == 1 + 24 * 24
        assert r[name, 16]["cls_kept"] and r[name, 24]["cls_kept"]


def test_sincos_pos_embed_is_maes_formula_in_float64(ns):
    # Review r89-7: MAE's get_2d_sincos_pos_embed (facebookresearch/mae, util/pos_embed.py) takes np.meshgrid(grid_w,
    # grid_h), so its first half (named emb_h) encodes the column. Review r90-7: MAE computes the angles and their sines
    # in float32, so its array is not the example's (float64, then rounded), which the docstring had called MAE's
    # embedding: at 24 x 24 x 1024 they differ by over 1e-6.
    def mae(grid_size, dim, dtype):
        w, h = np.meshgrid(np.arange(grid_size, dtype=dtype), np.arange(grid_size, dtype=dtype))
        omega = np.arange(dim // 4, dtype=dtype)
        omega /= dim / 4.0
        omega = 1.0 / 10000**omega

        def one_d(pos):
            out = np.einsum("m,d->md", pos.reshape(-1), omega)
            return np.concatenate([np.sin(out), np.cos(out)], axis=1)

        grid = np.concatenate([one_d(w), one_d(h)], axis=1)
        return torch.from_numpy(np.concatenate([np.zeros([1, dim]), grid], axis=0)).float()[None]

    for grid_size, dim in [(14, 768), (24, 1024), (5, 16), (3, 8), (7, 64)]:
        example = ns["sincos_pos_embed"](grid_size, dim).cpu()
        assert torch.equal(example, mae(grid_size, dim, np.float64))
        torch.testing.assert_close(example, mae(grid_size, dim, np.float32), rtol=0, atol=1e-5)
    assert not torch.equal(ns["sincos_pos_embed"](24, 1024).cpu(), mae(24, 1024, np.float32))


def test_pos_embed_round_trip_is_not_identity(ns):
    r = ns["pos_results"]
    smooth, rough = list(ns["embeddings"])
    for size in (16, 24):
        assert 0 < r[smooth, size]["round_trip"] < 0.01
        assert r[rough, size]["round_trip"] > 0.2
        assert r[rough, size]["round_trip"] > 10 * r[smooth, size]["round_trip"]
        assert r[smooth, size]["antialias_effect"] > 0 and r[rough, size]["antialias_effect"] > 0


def test_pos_embed_grid_is_laid_out_row_major(ns):
    # Token 1 + i * 14 + j holds (i, j): the resized grid must hold the resized ramps,
    # rows in channel 0 and columns in channel 1 (cubic kernels reproduce a straight line away from the border).
    i, j = torch.meshgrid(torch.arange(14.0), torch.arange(14.0), indexing="ij")
    posemb = torch.cat([torch.full((1, 1, 2), -7.0), torch.stack([i, j], dim=-1).reshape(1, -1, 2)], dim=1)
    out = ns["resample_abs_pos_embed"](posemb.to(ns["device"]), (16, 24)).cpu()
    assert out.shape == (1, 1 + 16 * 24, 2) and torch.equal(out[0, 0], posemb[0, 0])
    grid = out[0, 1:].reshape(16, 24, 2)
    rows = (torch.arange(16.0) + 0.5) * 14 / 16 - 0.5
    cols = (torch.arange(24.0) + 0.5) * 14 / 24 - 0.5
    torch.testing.assert_close(grid[3:-3, 3:-3, 0], rows[3:-3, None].expand(10, 18), atol=1e-4, rtol=0)
    torch.testing.assert_close(grid[3:-3, 3:-3, 1], cols[None, 3:-3].expand(10, 18), atol=1e-4, rtol=0)


def test_antialias_changes_bicubic_enlarging_but_not_bilinear():
    x = torch.randn(1, 4, 14, 14, generator=torch.Generator().manual_seed(0))
    for size in range(15, 40):
        for mode, changes in (("bicubic", True), ("bilinear", False)):
            a = F.interpolate(x, size=size, mode=mode, antialias=True)
            b = F.interpolate(x, size=size, mode=mode, antialias=False)
            assert (not torch.allclose(a, b, atol=1e-5)) == changes, (mode, size)


def test_antialias_enlarging_bilinear_unchanged_except_one_pixel_wide_on_cpu():
    # Every enlarging pair of sizes up to 7 -> 12, one-pixel maps included: bilinear is unchanged
    # by antialias=True, except a float map one pixel wide whose height changes (the page's exception),
    # where every row comes back equal to the first, in bilinear and bicubic alike.
    gen = torch.Generator().manual_seed(0)
    exceptions = 0
    for h, w in itertools.product(range(1, 8), repeat=2):
        x = torch.randn(2, 3, h, w, dtype=torch.float64, generator=gen)
        for size in itertools.product(range(h, 13), range(w, 13)):
            a = F.interpolate(x, size=size, mode="bilinear", antialias=True)
            b = F.interpolate(x, size=size, mode="bilinear", antialias=False)
            if w == 1 and size[1] == 1 and size[0] != h and h > 1:
                exceptions += 1
                for mode in ("bilinear", "bicubic"):
                    y = F.interpolate(x, size=size, mode=mode, antialias=True)
                    assert torch.equal(y, y[:, :, :1].expand_as(y)), (h, w, size, mode)
                assert not torch.allclose(a, b, atol=1e-6), (h, w, size)
            else:
                torch.testing.assert_close(a, b, atol=1e-12, rtol=0, msg=str((h, w, size)))
    assert exceptions == sum(12 - h for h in range(2, 8))


def _cubic_resize_1d(x, size_out, a, border):
    """Reference bicubic along the last dimension: taps out of range clamped, or dropped and the rest renormalised."""
    size_in = x.shape[-1]
    position = (torch.arange(size_out, dtype=torch.float64) + 0.5) * size_in / size_out - 0.5
    taps = position.floor()[:, None] + torch.arange(-1, 3)
    d = (position[:, None] - taps).abs()
    weight = torch.where(
        d <= 1, ((a + 2) * d - (a + 3)) * d * d + 1, torch.where(d < 2, ((a * d - 5 * a) * d + 8 * a) * d - 4 * a, 0.0)
    )
    if border == "drop":
        weight = weight * ((taps >= 0) & (taps < size_in))
        weight = weight / weight.sum(dim=1, keepdim=True)
    return (x[..., taps.clamp(0, size_in - 1).long()] * weight).sum(-1)


def test_antialias_bicubic_enlarging_is_a_minus_half_and_drops_border_taps():
    gen = torch.Generator().manual_seed(0)
    for size_in in (1, 2, 3, 14):
        x = torch.randn(3, size_in, dtype=torch.float64, generator=gen)
        for size in range(size_in + 1, 60):
            aa = F.interpolate(x[:, None, None], size=(1, size), mode="bicubic", antialias=True)[:, 0, 0]
            plain = F.interpolate(x[:, None, None], size=(1, size), mode="bicubic", antialias=False)[:, 0, 0]
            torch.testing.assert_close(plain, _cubic_resize_1d(x, size, -0.75, "clamp"), atol=1e-12, rtol=0)
            torch.testing.assert_close(aa, _cubic_resize_1d(x, size, -0.5, "drop"), atol=1e-12, rtol=0)
            if size_in == 14:  # a = -0.5 alone, clamping the border as without antialias, is not it
                assert not torch.allclose(aa, _cubic_resize_1d(x, size, -0.5, "clamp"), atol=1e-6), size


def test_pos_embed_keeps_dtype_and_computes_in_float32(ns):
    posemb = torch.randn(1, 197, 8, dtype=torch.bfloat16, device=ns["device"])
    out = ns["resample_abs_pos_embed"](posemb, (16, 16))
    assert out.dtype == torch.bfloat16
    expected = ns["resample_abs_pos_embed"](posemb.float(), (16, 16)).to(torch.bfloat16)
    assert torch.equal(out, expected)


# --- 3. bilinear ConvTranspose2d ---------------------------------------------


def test_fcn_and_d2l_layer_for_x32_is_bilinear_layer_args(ns):
    from _upsamplers import bilinear_layer_args

    assert bilinear_layer_args(32) == dict(kernel_size=64, stride=32, padding=16)  # d2l 14.11's FCN head


def test_example_transposed_table(ns):
    for scale, (inside, border, padded) in ns["transposed_gap"].items():
        assert inside < 1e-13 and padded < 1e-13 and border > 0.1, scale


def test_the_examples_docstring_says_the_layer_equals_interpolate_only_up_to_rounding(ns):
    """Review r128-7: the example's docstring, the first cell of its notebook, said the bilinear ConvTranspose2d is
    "equal inside a border, and everywhere once the input is padded by replication"; the page says they agree to
    rounding on axes of up to 2**23 output pixels, and the example's own table is not 0 at any factor, inside the
    border or padded (float64 at x2 already differs by a rounding step)."""
    from helpers import ROOT, docstring_of

    source = (ROOT / "examples" / "recipes.py").read_text(encoding="utf-8")
    docstring = docstring_of(source)
    assert "``F.interpolate``: equal inside a border" not in docstring
    assert (
        "equal up to float rounding inside a border, and everywhere once the input is padded by one pixel by "
        "replication and the r extra output pixels on each side are cropped (on axes of up to 2**23 output pixels)"
        in " ".join(docstring.split())
    )
    for scale, (inside, _, padded) in ns["transposed_gap"].items():
        assert 0 < inside < 1e-13 and 0 < padded < 1e-13, scale


@pytest.mark.parametrize("scale", range(1, 13))
def test_bilinear_transposed_2d_sweep(ns, scale):
    gen = torch.Generator().manual_seed(scale)
    for channels, h, w in itertools.product((1, 2, 4), range(1, 10), (1, 4, 9)):
        layer = ns["bilinear_transposed"](channels, scale, torch.float64)
        x = torch.rand(2, channels, h, w, generator=gen, dtype=torch.float64) + 0.5  # no zeros at the border
        with torch.no_grad():
            ours = layer(x)
            everywhere = ns["bilinear_transposed_everywhere"](layer, x)
        reference = F.interpolate(x, scale_factor=scale, mode="bilinear", align_corners=False)
        assert ours.shape == reference.shape == everywhere.shape
        torch.testing.assert_close(everywhere, reference, atol=1e-12, rtol=0)
        b = scale // 2
        torch.testing.assert_close(
            ours[..., b : h * scale - b, b : w * scale - b],
            reference[..., b : h * scale - b, b : w * scale - b],
            atol=1e-12,
            rtol=0,
        )
        if b:  # every pixel of the border differs: the border is exactly floor(r/2) wide
            ring = torch.ones_like(ours, dtype=torch.bool)
            ring[..., b : h * scale - b, b : w * scale - b] = False
            assert (ours - reference).abs()[ring].min() > 1e-6


def test_replicate_padding_recipe_1d_up_to_100():
    from _upsamplers import bilinear_kernel, bilinear_layer_args

    for scale in range(1, 101):
        args = bilinear_layer_args(scale)
        weight = bilinear_kernel(scale, dtype=torch.float64).view(1, 1, -1).expand(3, 1, -1)
        for n in (1, 2, 7):
            x = torch.randn(1, 3, n, generator=torch.Generator().manual_seed(n), dtype=torch.float64)
            padded = F.conv_transpose1d(
                F.pad(x, (1, 1), mode="replicate"), weight, stride=scale, padding=args["padding"], groups=3
            )
            torch.testing.assert_close(
                padded[..., scale:-scale],
                F.interpolate(x, scale_factor=scale, mode="linear", align_corners=False),
                atol=1e-12,
                rtol=0,
            )


def test_depthwise_equals_identity_mixing(ns):
    from _upsamplers import bilinear_, bilinear_layer_args

    for channels, scale in itertools.product((1, 3, 4), (2, 3, 5)):
        full = bilinear_(
            nn.ConvTranspose2d(channels, channels, **bilinear_layer_args(scale), bias=False, dtype=torch.float64)
        )
        depthwise = ns["bilinear_transposed"](channels, scale, torch.float64)
        assert depthwise.weight.numel() * channels == full.weight.numel()
        x = torch.randn(1, channels, 5, 6, dtype=torch.float64)
        with torch.no_grad():
            torch.testing.assert_close(depthwise(x), full(x), atol=1e-13, rtol=0)


@pytest.mark.parametrize("scale", range(2, 9))
def test_only_the_padding_of_bilinear_layer_args_with_output_padding_0_aligns(ns, scale):
    from _upsamplers import bilinear_kernel, bilinear_layer_args

    k = bilinear_layer_args(scale)["kernel_size"]
    kernel = torch.outer(bilinear_kernel(scale, dtype=torch.float64), bilinear_kernel(scale, dtype=torch.float64))
    x = torch.rand(1, 1, 6, 6, dtype=torch.float64) + 0.5
    reference = F.interpolate(x, scale_factor=scale, mode="bilinear", align_corners=False)
    b = scale // 2
    aligned = []
    for padding, output_padding in itertools.product(range(k), range(scale)):
        if (6 - 1) * scale - 2 * padding + k + output_padding != 6 * scale:
            continue
        y = F.conv_transpose2d(x, kernel[None, None], stride=scale, padding=padding, output_padding=output_padding)
        if torch.allclose(y[..., b:-b, b:-b], reference[..., b:-b, b:-b], atol=1e-12):
            aligned.append((padding, output_padding))
    assert aligned == [(bilinear_layer_args(scale)["padding"], 0)]


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact"])
@pytest.mark.parametrize("dtype", [torch.uint8, torch.float32])
def test_a_factor_that_rounds_to_a_whole_ratio_reads_as_the_whole_ratio(mode, dtype):
    # "the two ratios differ (unless they round to the same float32 number: x2.000000001 reads as x2)"
    for n in range(1, 41):
        mask = torch.randint(0, 5, (1, 1, 3, n)).to(dtype)
        by_factor = F.interpolate(mask, scale_factor=(1, 2.000000001), mode=mode)
        assert torch.equal(by_factor, F.interpolate(mask, size=(3, 2 * n), mode=mode)), n


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact"])
def test_ratios_that_round_to_one_float32_number_agree_for_uint8_and_float32_masks_only(mode):
    # Review 117: "the two ratios round to the same float32 number" made no difference for uint8 and float32 masks,
    # but the CPU's 1-D kernel keeps a float64 input's ratio in double: a float64 row of 10 pixels x1.20000006
    # (1/1.20000006 and 10/12 are one float32 number) reads pixel 4 at output 6 where size=12 reads pixel 5.
    assert_pages_say(
        ("recipes.md", "the two ratios round to the same float32 number, on a `uint8` or `float32` mask"),
        ("recipes.zh.md", "对 `uint8` 或 `float32` 掩码，两个比值舍入成同一个 float32 数"),
    )
    assert np.float32(1 / 1.20000006) == np.float32(10 / 12)
    row = torch.arange(10, dtype=torch.float64)[None, None]
    assert F.interpolate(row, scale_factor=1.20000006, mode="nearest")[0, 0, 6] == 4
    assert F.interpolate(row, size=12, mode="nearest")[0, 0, 6] == 5
    parted = 0
    for n in range(2, 30):
        for out in range(n + 1, 3 * n + 1):
            ratio = np.float32(n / out)
            for side in (0.45, -0.45):
                scale = 1 / (float(ratio) + side * float(np.spacing(ratio)))
                if np.float32(1 / scale) != ratio or int(n * scale) != out:
                    continue
                for dtype in (torch.uint8, torch.float32, torch.float64):
                    mask = torch.randint(0, 5, (1, 1, n)).to(dtype)
                    same = torch.equal(
                        F.interpolate(mask, scale_factor=scale, mode=mode), F.interpolate(mask, size=out, mode=mode)
                    )
                    flat = F.interpolate(mask[..., None, :], scale_factor=(1, scale), mode=mode)
                    assert torch.equal(flat, F.interpolate(mask[..., None, :], size=(1, out), mode=mode))
                    if dtype == torch.float64:
                        parted += not same
                    else:
                        assert same, (n, out, scale, dtype)
    assert parted > 0


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact"])
def test_recompute_changes_a_traced_mask_whose_two_ratios_agree(mode):
    # Review 111: "The factor makes no difference where the two ratios round to the same float32 number" held in eager
    # mode only: 7 pixels x 31/7 give 31 pixels and 7/31 = 1/scale_factor in float32, yet traced,
    # recompute_scale_factor=True computes the size in float32 and returns 30 pixels.
    assert_pages_say(
        ("recipes.md", "In eager mode the factor makes no difference where"),
        ("recipes.zh.md", "在 eager 模式下，以下情况下缩放因子不起作用"),
    )
    scale = 31 / 7
    assert np.float32(1 / scale) == np.float32(7 / 31)
    for rank in (3, 4, 5):
        mask = torch.randint(0, 5, (1, 1) + (7,) * (rank - 2)).float()
        sizes = []
        for recompute in (None, True):
            call = lambda t: F.interpolate(t, scale_factor=scale, mode=mode, recompute_scale_factor=recompute)  # noqa: E731
            assert call(mask).shape[2:] == (31,) * (rank - 2)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                sizes.append(torch.jit.trace(call, mask, check_trace=False)(mask).shape[-1])
        assert sizes == [31, 30], (mode, rank)


@_NEEDS_ONEDNN_AVX2
def test_depthwise_equals_identity_mixing_only_up_to_rounding_in_float32(ns):
    # "in float32 on the CPU ... with 2 or more channels (the tests check every channel count from 2 to 32): ... a
    # batch of two 7 x 9 inputs does [differ by float32 rounding], for 2 to 32 channels" and "on inputs one pixel
    # wide they agree at x2 to x4". Review r136-7: the page said "the tests check 2 to 32" while this test took
    # 2, 3, 4, 5, 8, 16 and 32 channels only; it now takes every count from 2 to 32, with 1 and 2 threads.
    from _upsamplers import bilinear_, bilinear_layer_args

    generator = torch.Generator().manual_seed(0)
    threads = torch.get_num_threads()
    try:
        for count, channels, scale in itertools.product((1, 2), range(2, 33), (2, 3, 4)):
            torch.set_num_threads(count)
            full = bilinear_(nn.ConvTranspose2d(channels, channels, **bilinear_layer_args(scale), bias=False))
            depthwise = ns["bilinear_transposed"](channels, scale, torch.float32, "cpu")
            x = torch.randn(2, channels, 7, 9, generator=generator)
            with torch.no_grad():
                a, b = depthwise(x), full(x)
            assert not torch.equal(a, b), (count, channels, scale)
            torch.testing.assert_close(a, b, atol=1e-6, rtol=0)
            # "... and agree on one pixel wide": every output pixel then sums its taps in the same order
            for height in (1, 2, 3, 7):
                x = torch.randn(2, channels, height, 1, generator=generator)
                with torch.no_grad():
                    assert torch.equal(depthwise(x), full(x)), (count, channels, scale, height)
    finally:
        torch.set_num_threads(threads)
    assert_pages_say(
        ("recipes.md", "so with 2 or more channels (the tests check every channel count from 2 to 32):"),
        ("recipes.zh.md", "所以通道数不少于 2 时（测试检查了 2 到 32 之间的每一种通道数）："),
    )


def test_nearest_4d_kernels_ignore_the_scale_factor_when_an_axis_keeps_or_doubles_its_size():
    # "both use 1 / scale_factor ... or nearest's 4-D kernels ignore the scale: ... a 5-pixel row x2.1 gives two copies
    # of each pixel": the CPU's 4-D kernel (small output) doubles, the 3-D kernel steps by 1/2.1 and takes pixel 0 three times.
    row = torch.arange(5.0)
    in_4d = F.interpolate(row.view(1, 1, 1, 5), scale_factor=(1, 2.1), mode="nearest").flatten()
    in_3d = F.interpolate(row.view(1, 1, 5), scale_factor=2.1, mode="nearest").flatten()
    assert torch.equal(in_4d, row.repeat_interleave(2))
    assert in_3d.tolist().count(0.0) == 3
    ten = torch.arange(10.0)
    assert torch.equal(F.interpolate(ten.view(1, 1, 1, 10), scale_factor=(1, 1.05), mode="nearest").flatten(), ten)
    assert not torch.equal(F.interpolate(ten.view(1, 1, 10), scale_factor=1.05, mode="nearest").flatten(), ten)


@_NEEDS_ONEDNN_AVX2
def test_depthwise_and_identity_mixing_kernels_depend_on_the_thread_count(ns):
    # "Which kernels run depends on the shape and the thread count: one 3x3 input with 8 channels agrees bit for bit
    # with 2 threads and not with 1"
    from _upsamplers import bilinear_, bilinear_layer_args

    full = bilinear_(nn.ConvTranspose2d(8, 8, **bilinear_layer_args(2), bias=False))
    depthwise = ns["bilinear_transposed"](8, 2, torch.float32, "cpu")
    generator = torch.Generator().manual_seed(0)
    inputs = [torch.randn(1, 8, 3, 3, generator=generator) for _ in range(10)]
    threads = torch.get_num_threads()
    try:
        agree = {}
        for count in (1, 2):
            torch.set_num_threads(count)
            with torch.no_grad():
                agree[count] = [torch.equal(depthwise(x), full(x)) for x in inputs]
    finally:
        torch.set_num_threads(threads)
    assert all(agree[2]) and not any(agree[1]), agree


@_NEEDS_ONEDNN_AVX2
def test_depthwise_and_identity_mixing_agree_or_not_by_batch_channels_and_threads(ns):
    # Review 11: "with 2 or more channels they differ ... on inputs at least two pixels wide" failed for one 3x3 input
    # with 2 threads (2 and 8 channels agree bit for bit); a batch of two such inputs differs with 1 and 2 threads.
    from _upsamplers import bilinear_, bilinear_layer_args

    generator = torch.Generator().manual_seed(1)
    threads = torch.get_num_threads()
    try:
        for channels in (2, 8):
            full = bilinear_(nn.ConvTranspose2d(channels, channels, **bilinear_layer_args(2), bias=False))
            depthwise = ns["bilinear_transposed"](channels, 2, torch.float32, "cpu")
            single = torch.randn(1, channels, 3, 3, generator=generator)
            pair = torch.randn(2, channels, 3, 3, generator=generator)
            for count in (1, 2):
                torch.set_num_threads(count)
                with torch.no_grad():
                    assert torch.equal(depthwise(single), full(single)) is (count == 2), (channels, count)
                    assert not torch.equal(depthwise(pair), full(pair)), (channels, count)
    finally:
        torch.set_num_threads(threads)


_DEPTHWISE_BY_ISA = """
import torch, torch.nn as nn
from _upsamplers import bilinear_, bilinear_kernel, bilinear_layer_args
generator = torch.Generator().manual_seed(1)
for channels in (2, 8, 32):
    full = bilinear_(nn.ConvTranspose2d(channels, channels, **bilinear_layer_args(2), bias=False))
    depthwise = nn.ConvTranspose2d(channels, channels, **bilinear_layer_args(2), groups=channels, bias=False)
    kernel = bilinear_kernel(2, dtype=torch.float32)
    with torch.no_grad():
        depthwise.weight.copy_(torch.outer(kernel, kernel).expand_as(depthwise.weight))
    inputs = {"single": torch.randn(1, channels, 3, 3, generator=generator), "pair": torch.randn(2, channels, 3, 3, generator=generator),
              "7x9": torch.randn(2, channels, 7, 9, generator=generator)}
    for threads in (1, 2):
        torch.set_num_threads(threads)
        with torch.no_grad():
            for name, x in inputs.items():
                print(channels, threads, name, torch.equal(depthwise(x), full(x)))
"""


@pytest.mark.parametrize("isa", ["SSE41", "AVX2"])
def test_depthwise_and_identity_mixing_agreement_depends_on_the_instruction_set(isa):
    """Review 12: limited to SSE4.1, oneDNN gives the two layers bit-identical results where AVX2 kernels do not."""
    for line in run_python(_DEPTHWISE_BY_ISA, ONEDNN_MAX_CPU_ISA=isa).split("\n"):
        if line:
            channels, threads, name, agree = line.split()
            if isa == "SSE41":
                assert agree == "True", line
            elif name == "single" and channels != "32":
                assert agree == str(threads == "2"), line
            elif name != "single":
                assert agree == "False", line


def test_nearest_rounds_in_over_out_to_float32_before_the_floor():
    """Review 12: 'it computes floor(i * in / out)' holds only with in / out rounded to float32: 2 -> 82 at i = 41."""
    for dtype in (torch.float32, torch.uint8):
        row = torch.arange(2).to(dtype).view(1, 1, 2)
        got = F.interpolate(row, size=82, mode="nearest").view(-1)
        assert 41 * 2 // 82 == 1 and got[41].item() == 0, dtype
        ratio = torch.tensor(2 / 82, dtype=torch.float32)
        assert torch.equal(got.long(), torch.floor(torch.arange(82, dtype=torch.float32) * ratio).long())


@_NEEDS_ONEDNN_AVX2
def test_depthwise_and_identity_mixing_agree_on_one_pixel_wide_only_up_to_x4(ns):
    # Review 13: "and agree on one pixel wide" failed at x8 and above (32 channels on a 2x1 input at x8, 2 channels at
    # x16); the page now says x2 to x4, swept here over channels, heights, batches and thread counts. Review 52: the
    # x8 case agrees on an Intel CPU with AVX-512 (and with oneDNN held to AVX2 there); x16 with 2 channels parts on
    # both CPUs, for every random input tried.
    from _upsamplers import bilinear_, bilinear_layer_args

    generator = torch.Generator().manual_seed(0)
    threads = torch.get_num_threads()

    def agree(channels, scale, shape):
        full = bilinear_(nn.ConvTranspose2d(channels, channels, **bilinear_layer_args(scale), bias=False))
        depthwise = ns["bilinear_transposed"](channels, scale, torch.float32, "cpu")
        x = torch.randn(shape[0], channels, *shape[1:], generator=generator)
        with torch.no_grad():
            return torch.equal(depthwise(x), full(x))

    try:
        for count in (1, 2):
            torch.set_num_threads(count)
            for channels, scale, batch, height in itertools.product(range(2, 33), (2, 3, 4), (1, 3), (1, 2, 5, 9)):
                assert agree(channels, scale, (batch, height, 1)), (count, channels, scale, batch, height)
            assert not any(agree(2, 16, (1, 2, 1)) for _ in range(5)), count
    finally:
        torch.set_num_threads(threads)


def test_cpu_nearest_copies_a_kept_axis_and_doubles_only_for_a_small_output_or_channels_last():
    # Review 13: "nearest's 4-D kernels ... copy an axis that keeps its size" failed on the CPU for a large
    # contiguous output: 200x10 x(2, 1.05) steps by 1/1.05 along the rows. The page now names the condition:
    # height + width <= 128, or channels_last with more than 3 channels.
    ten, five = torch.arange(10.0), torch.arange(5.0)
    for channels, channels_last in itertools.product((1, 3, 4), (False, True)):
        keeps_pixel_order = channels_last and channels > 3
        for height in (20, 59, 60, 200):
            x = ten.view(1, 1, 1, 10).expand(1, channels, height, 10).contiguous()
            x = x.contiguous(memory_format=torch.channels_last) if channels_last else x
            row = F.interpolate(x, scale_factor=(2, 1.05), mode="nearest")[0, -1, 0]
            small = 2 * height + 10 <= 128
            assert torch.equal(row, ten) is (small or keeps_pixel_order), (channels, channels_last, height)
            if not (small or keeps_pixel_order):
                assert row[:4].tolist() == [0.0, 0.0, 1.0, 2.0]
        for height in (100, 118, 119, 200):
            x = five.view(1, 1, 1, 5).expand(1, channels, height, 5).contiguous()
            x = x.contiguous(memory_format=torch.channels_last) if channels_last else x
            row = F.interpolate(x, scale_factor=(1, 2.1), mode="nearest")[0, -1, 0]
            doubles = height + 10 <= 128 or keeps_pixel_order
            assert torch.equal(row, five.repeat_interleave(2)) is doubles, (channels, channels_last, height)


def test_cpu_nearest_copies_a_kept_axis_and_doubles_in_5d_channels_last_3d_with_more_than_3_channels():
    # Review 31: the exceptions to "both use 1 / scale_factor" named only 4-D kernels; the CPU's
    # channels_last_3d kernel (more than 3 channels) also copies a kept axis (3 x1.3 -> 0, 1, 2) and
    # doubles a doubled one (10 x2.05 -> 0, 0, 1, 1, ...), at any output size; other 5-D input steps by the factor.
    three, ten = torch.arange(3.0), torch.arange(10.0)
    for channels, channels_last_3d in itertools.product((1, 3, 4, 8), (False, True)):
        ignores_scale = channels_last_3d and channels > 3
        for side in (2, 20):
            x = three.view(1, 1, 3, 1, 1).expand(1, channels, 3, side, side).contiguous()
            x = x.contiguous(memory_format=torch.channels_last_3d) if channels_last_3d else x
            depth = F.interpolate(x, scale_factor=(1.3, 1, 1), mode="nearest")[0, -1, :, 0, 0]
            assert depth.tolist() == ([0.0, 1.0, 2.0] if ignores_scale else [0.0, 0.0, 1.0]), (
                channels,
                channels_last_3d,
                side,
            )
            x = ten.view(1, 1, 10, 1, 1).expand(1, channels, 10, side, side).contiguous()
            x = x.contiguous(memory_format=torch.channels_last_3d) if channels_last_3d else x
            depth = F.interpolate(x, scale_factor=(2.05, 1, 1), mode="nearest")[0, -1, :4, 0, 0]
            assert depth.tolist() == ([0.0, 0.0, 1.0, 1.0] if ignores_scale else [0.0, 0.0, 0.0, 1.0]), (channels, side)


def test_bilinear_init_rejects_layers_it_would_not_make_bilinear():
    # Review 15: bilinear_ checked only the first padding, so padding=(1, 0), output_padding=1 or
    # dilation=2 passed and gave a layer that is not ×2 bilinear; it accepts the layout it documents.
    from _upsamplers import bilinear_, bilinear_layer_args

    args = bilinear_layer_args(2)
    bilinear_(nn.ConvTranspose2d(2, 2, **args))
    for change in (dict(padding=(1, 0)), dict(output_padding=1), dict(dilation=2), dict(kernel_size=(4, 3))):
        with pytest.raises(ValueError):
            bilinear_(nn.ConvTranspose2d(2, 2, **{**args, **change}))


def test_the_tie_at_one_third_is_nearest_exact_and_one_hot_not_the_first_two_rows(ns):
    # The page names the two methods that tie at 1/3: the table's first two rows are
    # nearest and nearest-exact, which do not tie there.
    results = ns["mask_results"]
    first_two = list(ns["mask_methods"])[:2]
    assert first_two == ["nearest", "nearest-exact"]
    assert results[16, "nearest"]["wrong"] > results[16, "nearest-exact"]["wrong"] == 0
    assert results[16, "one-hot + bilinear"]["wrong"] == 0


def test_antialias_enlarging_bilinear_changes_on_long_cpu_axes():
    # Review 19: "changes nothing beyond float rounding when enlarging" fails on axes thousands of
    # pixels long: the plain CPU kernel rounds positions to float32 before its floorf, even for float64 input.
    x = torch.rand(1, 1, 2, 3000, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    a = F.interpolate(x, size=(2, 4501), mode="bilinear", antialias=True)
    b = F.interpolate(x, size=(2, 4501), mode="bilinear", antialias=False)
    assert (a - b).abs().max() > 1e-5
    # The exact positions in float64: the antialiased kernel keeps them, the plain one does not.
    p = ((torch.arange(4501, dtype=torch.float64) + 0.5) * 3000 / 4501 - 0.5).clamp(min=0)
    i0 = p.floor().long()
    i1 = (i0 + 1).clamp(max=2999)
    exact = x[..., i0] * (1 - (p - i0)) + x[..., i1] * (p - i0)
    torch.testing.assert_close(a, exact, atol=1e-12, rtol=0)
    assert (b - exact).abs().max() > 1e-5
    # Review 26: how much depends on the values; a smooth ramp changes by far less (under 1e-7).
    ramp = torch.linspace(0, 1, 3000, dtype=torch.float64).expand(1, 1, 2, 3000).contiguous()
    gap = F.interpolate(ramp, size=(2, 4501), mode="bilinear", antialias=True) - F.interpolate(
        ramp, size=(2, 4501), mode="bilinear"
    )
    assert gap.abs().max() < 1e-7
    # Review 28: "changes by more than 1e-5" held on seed 0 only; over 2000 seeds of random
    # values the gap runs from under 1e-6 to 1.1e-4 (the page quotes that range).
    gaps = []
    for seed in range(2000):
        x = torch.rand(1, 1, 2, 3000, dtype=torch.float64, generator=torch.Generator().manual_seed(seed))
        gaps.append(
            float(
                (
                    F.interpolate(x, size=(2, 4501), mode="bilinear", antialias=True)
                    - F.interpolate(x, size=(2, 4501), mode="bilinear")
                )
                .abs()
                .max()
            )
        )
    assert min(gaps) < 1e-6 and 1.05e-4 <= max(gaps) < 1.15e-4, (min(gaps), max(gaps))
    # Review 36: that range is the one-channel map's; with 3 channels every one of 500 seeds passes 1e-5.
    for seed in range(500):
        x = torch.rand(1, 3, 2, 3000, dtype=torch.float64, generator=torch.Generator().manual_seed(seed))
        a = F.interpolate(x, size=(2, 4501), mode="bilinear", antialias=True)
        assert (a - F.interpolate(x, size=(2, 4501), mode="bilinear")).abs().max() > 1e-5, seed
    for page in ("recipes.md", "recipes.zh.md"):
        assert ("one-channel float64" if page == "recipes.md" else "单通道 float64") in (
            Path(__file__).parents[2] / "docs" / page
        ).read_text(encoding="utf-8"), page


@pytest.mark.parametrize(
    "device", ["cpu", pytest.param("cuda", marks=pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA"))]
)
def test_nearest_exact_kept_axis_scale_factor_cpu_applies_cuda_copies(device):
    # Review 19: the page listed only nearest's 4-D kernels as ignoring scale_factor on a kept axis; CUDA's
    # 4-D kernel (UpSampleNearest2d.cu, `height1 == height2 ? h2 : ...`) serves nearest-exact too.
    expected = [0, 1, 1] if device == "cpu" else [0, 1, 2]
    for channels, memory_format in (
        (1, torch.contiguous_format),
        (4, torch.contiguous_format),
        (4, torch.channels_last),
    ):
        x = (
            torch.arange(3.0, device=device)
            .reshape(1, 1, 1, 3)
            .expand(1, channels, 1, 3)
            .contiguous(memory_format=memory_format)
        )
        y = F.interpolate(x, scale_factor=(1.0, 1.3), mode="nearest-exact")
        assert y.shape[-1] == 3 and y[0, 0, 0].tolist() == expected, (channels, memory_format)


def test_at_x2_the_nearest_pixels_bilinear_weight_is_at_least_9_16_and_more_on_the_border():
    """Review 37: the page said the nearest input pixel's weight "9/16"; on the border the clamped
    taps land on it too (3/4 on an edge, 1 in a corner). Weights read off impulses, in float64."""
    seen = set()
    for h, w in itertools.product(range(1, 7), repeat=2):
        impulses = torch.eye(h * w, dtype=torch.float64).reshape(h * w, 1, h, w)
        weights = F.interpolate(impulses, size=(2 * h, 2 * w), mode="bilinear", align_corners=False)
        weights = weights.reshape(h * w, 2 * h, 2 * w)  # [input pixel, output row, output column]
        for p, q in itertools.product(range(2 * h), range(2 * w)):
            column = weights[:, p, q]
            nearest = column[(p // 2) * w + q // 2].item()
            seen.add(nearest)
            assert nearest >= 9 / 16 and nearest > column.sum().item() - nearest, (h, w, p, q)
    assert seen == {9 / 16, 3 / 4, 1.0}


def test_the_zh_page_calls_the_clamped_taps_weights_not_samples():
    # Review r129-7: at x2 the en page says the nearest pixel's weight is 3/4 or 1 on the border, "where the
    # clamped taps land on it too"; the zh page wrote 被截断的采样点 (clamped samples), but a tap is 权重 in
    # the glossary, and at the far border it is the second tap, not the sample position, that is clamped.
    assert_pages_say(
        ("recipes.md", "3/4 or 1 on the border, where the clamped taps land on it too"),
        ("recipes.zh.md", "在边界上，被截断到边缘的权重也落在它上面，是 3/4 或 1"),
    )
    text = (Path(__file__).parents[2] / "docs" / "recipes.zh.md").read_text(encoding="utf-8")
    assert "截断的采样点" not in text


@pytest.mark.parametrize("scale", [2, 3, 4, 7])
def test_on_the_border_the_layer_differs_only_where_the_interpolated_value_is_not_zero(ns, scale):
    # Review 43: "on that border they differ" failed for an input that is 0 along its edges (both give
    # 0 there); the border gives the interpolated value times a weight sum below 1.
    gen = torch.Generator().manual_seed(scale)
    layer = ns["bilinear_transposed"](2, scale, torch.float64)
    for h, w in ((1, 4), (5, 1), (6, 7)):
        x = torch.randn(1, 2, h, w, generator=gen, dtype=torch.float64)
        edged = x.clone()
        edged[..., [0, -1], :] = 0
        edged[..., :, [0, -1]] = 0
        b = scale // 2
        ring = torch.ones(h * scale, w * scale, dtype=torch.bool)
        ring[b : h * scale - b, b : w * scale - b] = False
        with torch.no_grad():
            weights = layer(torch.ones_like(x))
            for inp in (x, edged):
                reference = F.interpolate(inp, scale_factor=scale, mode="bilinear", align_corners=False)
                torch.testing.assert_close(layer(inp), weights * reference, atol=1e-12, rtol=0)
            assert (weights[..., ring] < 1 - 1e-3).all()
            assert (layer(edged) - F.interpolate(edged, scale_factor=scale, mode="bilinear"))[
                ..., ring
            ].abs().max() == 0


def test_at_x2_the_three_agree_up_to_2_22_pixels_a_side_not_beyond():
    # Review 43: "at x2 the three give the same mask, on any mask" failed on long rows: from 2**22 + 1
    # pixels float32 no longer holds bilinear's sample positions (output 2**23 falls on a tie).
    def one_hot_bilinear(labels, n):  # two classes; argmax takes the first class on a tie
        two = torch.stack([1 - labels, labels]).view(1, 2, 1, -1)
        scores = F.interpolate(two, size=(1, 2 * n), mode="bilinear", align_corners=False)[0, :, 0]
        return (scores[1] > scores[0]).float()

    n = 2**22
    ramp = torch.arange(n, dtype=torch.float32).view(1, 1, 1, n)  # every label exact in float32
    doubled = torch.arange(2 * n) // 2
    for mode in ("nearest", "nearest-exact"):
        assert torch.equal(F.interpolate(ramp, size=(1, 2 * n), mode=mode).view(-1).long(), doubled), mode
    for first in (0, 1):  # both orders of two classes: the nearest pixel's weight beats its neighbour's
        labels = ((torch.arange(n) + first) % 2).float()
        assert torch.equal(one_hot_bilinear(labels, n), labels[doubled])
    n += 1
    labels = ((torch.arange(n) + 1) % 2).float()  # pixels 2**22 - 1 and 2**22: classes 0 and 1
    wrong = (one_hot_bilinear(labels, n) != labels[torch.arange(2 * n) // 2]).nonzero().view(-1)
    assert wrong.tolist()[:1] == [2**23]


def test_whole_factor_shrinks_read_their_pixel_on_rows_up_to_2_23_or_2_24_input_pixels():
    # Review 43: "shrinking by an odd whole factor it reads the exact centre" (and the even and nearest
    # rules) failed on long rows, where float32 positions round. A uint8 ramp holds the labels mod 256.
    def reads(n, k, mode):
        ramp = (torch.arange(n) % 256).to(torch.uint8).view(1, 1, 1, n)
        got = F.interpolate(ramp, size=(1, n // k), mode=mode).view(-1).long()
        return (got - torch.arange(n // k) * k) % 256  # offset from the block's first pixel

    cases = ((2, "nearest-exact", 1, 2**23), (3, "nearest-exact", 1, 2**23), (3, "nearest", 0, 2**24))
    for k, mode, offset, limit in cases:
        assert (reads(limit // k * k, k, mode) == offset).all(), (k, mode)
        assert (reads(limit // k * k + 8 * k, k, mode) != offset).any(), (k, mode)  # 8 output pixels more
    for k in (5, 6, 99):  # other factors: nearest-exact reads the centre, or half a pixel after it
        assert (reads(2**23 // k * k, k, "nearest-exact") == k // 2).all(), k


def test_the_layer_and_interpolate_agree_only_on_axes_up_to_2_23_output_pixels(ns):
    # Review 49: "inside the border they agree to rounding" and "padded, they agree everywhere" had no
    # length limit; the CPU's F.interpolate floors float32-rounded positions (floorf), so at x2 output
    # pixel 2**23 + 2 reads the wrong pair. The layer is local: run it on the row's last 72 pixels only.
    n, r, start = 2**22 + 8, 2, 2**22 - 64
    x = torch.rand(1, 1, 1, n, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    reference = F.interpolate(x, scale_factor=r, mode="bilinear", align_corners=False)[0, 0, 0, 2 * start :]
    layer = ns["bilinear_transposed"](1, r, torch.float64)
    with torch.no_grad():
        tail = x[..., start:]
        # one row is all border for the plain layer: give it two equal rows and read an inner one
        for y in (layer(tail.expand(1, 1, 2, -1))[..., 1:2, :], ns["bilinear_transposed_everywhere"](layer, tail)):
            gap = (y[0, 0, 0] - reference).abs()[8:-8]  # away from the slice's own ends
            columns = torch.arange(2 * start + 8, 2 * n - 8)
            assert gap[columns < 2**23].max() < 1e-15
            assert int(columns[gap > 1e-3][0]) == 2**23 + 2
    for page in ("recipes.md", "recipes.zh.md"):
        text = (Path(__file__).parents[2] / "docs" / page).read_text(encoding="utf-8")
        assert (
            text.count("up to 2²³ (8.4 M) output" if page == "recipes.md" else "不超过 2²³（840 万）个输出像素") == 2
        ), page


def test_at_factors_not_powers_of_two_the_gap_grows_with_the_axis_far_past_float32_rounding(ns):
    # Review 49: "agree to rounding" read as the rounding of the values (the glossary: the same terms
    # in another order); at x3 F.interpolate's positions are rounded too, and in float32 the gap on a
    # 3000-pixel row is hundreds of the values' epsilons, while at x2 and x4 it stays at a few.
    eps = torch.finfo(torch.float32).eps
    for seed in range(3):
        x = torch.rand(1, 1, 2, 3000, generator=torch.Generator().manual_seed(seed)) + 0.5
        for r in (2, 3, 4):
            layer = ns["bilinear_transposed"](1, r)
            reference = F.interpolate(x, scale_factor=r, mode="bilinear", align_corners=False)
            with torch.no_grad():
                inside = (layer(x) - reference)[..., r // 2 : -(r // 2), r // 2 : -(r // 2)].abs().max()
                everywhere = (ns["bilinear_transposed_everywhere"](layer, x) - reference).abs().max()
            for gap in (inside, everywhere):
                if r == 3:
                    assert gap > 100 * eps * x.max(), (seed, r, gap)
                else:
                    assert gap <= 4 * eps * x.max(), (seed, r, gap)


def test_on_the_border_a_rounding_residual_or_a_subnormal_can_come_back_the_same(ns):
    """Review 59: "on that border they differ wherever the interpolated value is not 0" failed where the
    value is as small as rounding: 0.75 * 0.1 - 0.25 * 0.3, the same tiny number in both, and a constant of the
    smallest float64 subnormal times a weight sum below 1 rounds back to it."""
    layer = ns["bilinear_transposed"](1, 2, torch.float64)
    residual = torch.tensor([[[[0.1, -0.3]]]], dtype=torch.float64)
    tiny = torch.full((1, 1, 3, 4), 2.0**-1074, dtype=torch.float64)
    with torch.no_grad():
        for x, where in ((residual, (0, 1)), (tiny, (0, 0))):
            value = F.interpolate(x, scale_factor=2, mode="bilinear")[0, 0, where[0], where[1]]
            assert value != 0 and layer(x)[0, 0, where[0], where[1]] == value
        ring = torch.ones(6, 8, dtype=torch.bool)
        ring[1:-1, 1:-1] = False
        assert torch.equal(layer(tiny)[0, 0][ring], F.interpolate(tiny, scale_factor=2, mode="bilinear")[0, 0][ring])
        assert bool((layer(tiny)[0, 0][ring] != 0).all())
        # Review 61: only in the first row; the second mixes the one input row with itself and rounds
        # F.interpolate's sum to another residual. And the subnormal comes back only at x2: from x3 some border
        # weight sums fall below 1/2.
        assert layer(residual)[0, 0, 1, 1] != F.interpolate(residual, scale_factor=2, mode="bilinear")[0, 0, 1, 1]
        for r in range(3, 7):
            small = torch.full((1, 1, 5, 6), 2.0**-1074, dtype=torch.float64)
            wide = ns["bilinear_transposed"](1, r, torch.float64)(small)[0, 0]
            ring = torch.ones_like(wide, dtype=torch.bool)
            ring[r // 2 : -(r // 2), r // 2 : -(r // 2)] = False
            assert not torch.equal(wide[ring], F.interpolate(small, scale_factor=r, mode="bilinear")[0, 0][ring]), r
    assert abs(F.interpolate(residual, scale_factor=2, mode="bilinear")[0, 0, 0, 1].item()) < 1e-16
    # The residual is the AVX2 code's: torch's generic code rounds F.interpolate's sum to another one.
    code = (
        "import torch, torch.nn.functional as F\n"
        "x = torch.tensor([[[[0.1, -0.3]]]], dtype=torch.float64)\n"
        "print(F.interpolate(x, scale_factor=2, mode='bilinear')[0, 0, 0, 1].item())"
    )
    generic = float(run_python(code, ATEN_CPU_CAPABILITY="default"))
    avx2 = float(run_python(code, ATEN_CPU_CAPABILITY="avx2"))  # what an AVX2-only CPU runs; AVX-512 runs in-process
    with torch.no_grad():
        assert generic != 0 and generic != layer(residual)[0, 0, 0, 1].item() == avx2
        # Review 115: the pages said 0.75 * 0.1 - 0.25 * 0.3 "is 0 in exact arithmetic" and (checkerboard) that the
        # border's product, value times weight sum, "rounds back to the value". For the float64 values the map holds
        # the exact value is not 0, and AVX2's F.interpolate returns it exactly; three quarters of it (the first
        # row's weight sum) is a float64 number of its own, so the convolution's equal result is the rounding of its
        # own products, not of that product.
        exact = Fraction(0.75) * Fraction(0.1) - Fraction(0.25) * Fraction(0.3)
        assert exact != 0 and Fraction(avx2) == exact
        assert Fraction(float(exact * Fraction(3, 4))) == exact * Fraction(3, 4) != Fraction(avx2)
    for page, text in (
        (
            "recipes.md",
            "in the first output row as the same tiny non-zero number in both on a CPU with AVX2 or AVX-512",
        ),
        ("recipes.md", "and at ×2 a constant input"),
        ("recipes.zh.md", "在支持 AVX2 或 AVX-512 的 CPU 上，输出的第一行里"),
        ("recipes.zh.md", "放大 2 倍时，输入处处等于"),
        # Review 63: the checkerboard page still said "they differ wherever the interpolated value is not 0".
        ("checkerboard.md", "at ×2 a constant of float64's smallest subnormal comes back the same on the whole border"),
        ("checkerboard.zh.md", "放大 2 倍时，输入处处等于 float64 最小的次正规数，整条边界上两者都相同"),
        ("recipes.md", "which is 0\n  for the decimals but not for the float64 values the map holds"),
        ("recipes.zh.md", "对十进制小数是 0，对图中实际存的 float64 值却不是 0"),
        ("checkerboard.md", "Tiny values can still come back the same: one as small as rounding, or a\nsubnormal one"),
        ("checkerboard.zh.md", "很小的值仍可能两者相同：小到舍入误差量级的值，或者次正规数"),
    ):
        assert text in (Path(__file__).parents[2] / "docs" / page).read_text(encoding="utf-8"), page


def test_no_line_of_the_recipes_pages_starts_with_punctuation():
    # Review 112: a line break before ", timm" rendered "PR #2737 , timm" (a space before the comma).
    docs = Path(__file__).resolve().parents[2] / "docs"
    for page in ("recipes.md", "recipes.zh.md"):
        lines = (docs / page).read_text(encoding="utf-8").splitlines()
        assert not [line for line in lines if line.lstrip()[:2] in {", ", "; ", ". "}], page


def _printed_table(printed, header):
    """The rows of the printed markdown table whose header starts with HEADER, and the non-blank lines after it."""
    start = next(i for i, line in enumerate(printed) if line.startswith(header))
    end = next((i for i in range(start, len(printed)) if not printed[i].startswith("|")), len(printed))
    return printed[start:end], [line for line in printed[end:] if line.strip()]


def test_the_pages_pointers_into_the_printed_tables_land_on_what_they_name(run):
    """Review r132-7: the page points at printed lines by place ("last two rows", "first line under the table",
    "the k in the last line", "first line under this table", "last column"), in en and zh; each pointer is checked
    against what the cells print, so a reordered print or a moved pointer fails here."""
    printed = run[1].splitlines()

    def cells(row):
        return [cell.strip() for cell in row.strip().strip("|").split("|")]

    rows, after = _printed_table(printed, "| resize | nearest: mean offset |")
    assert cells(rows[0])[-1] == "nearest-exact: max abs offset"
    # "5 pixels × 0.3 → 1; 7 × 0.5 → 3 stays within half a pixel: last two rows"
    assert rows[-2].startswith("| 5 → 1 (scale_factor=0.3) |") and rows[-1].startswith("| 7 → 3 (scale_factor=0.5) |")
    assert float(cells(rows[-2])[-1]) > 0.5 >= float(cells(rows[-1])[-1]), rows[-2:]
    # "first line under the table" is the float64 near-tie; "the k in the last line" is the cell's last line
    assert after[0].startswith("On the CPU, 2517 → 4576, output pixel 4001:") and "(0.50011 off)" in after[0]
    assert after[1].startswith("scale_factor=1/k on k · n pixels") and after[2].startswith("nearest: whole factors")
    rows, after = _printed_table(printed, "| mode | pixels compared |")
    # "the near-tie of the float64 ramp shown under the offset table is one (first line under this table"
    assert after[0].startswith("At 2517 → 4576, output pixel 4001 (not a tie), PIL reads 2200")
    rows, after = _printed_table(printed, "| factor | kernel, stride, padding |")
    # "Pad the input by one pixel with mode="replicate" ... and they agree everywhere (last column"
    assert cells(rows[0])[-1] == "replicate-padded, everywhere"
    assert all(float(cells(row)[-1]) < 1e-13 for row in rows[2:]), rows
    assert_pages_say(
        ("recipes.md", "first line under the table is a `float64` ramp"),
        ("recipes.md", "a hair more than half a pixel off (first line under the table, on the CPU;"),
        ("recipes.md", "(5 pixels × 0.3 → 1; 7 × 0.5 → 3 stays within half a pixel: last two rows)"),
        ("recipes.md", "for the k in the last line 1/k rounds down"),
        ("recipes.md", "(first line under this table;"),
        ("recipes.md", "and they agree everywhere** (last column;"),
        ("recipes.zh.md", "表下第一行用的是 `float64` 斜坡"),
        ("recipes.zh.md", "（见表下第一行，在 CPU 上；"),
        ("recipes.zh.md", "7 × 0.5 → 3 仍在半个像素以内：见最后两行"),
        ("recipes.zh.md", "对表下最后一行列出的 k"),
        ("recipes.zh.md", "（见本表下第一行；"),
        ("recipes.zh.md", "两者就处处一致**（最后一列；"),
    )


def test_the_opening_says_the_printed_numbers_are_computed_not_every_number_of_the_text(run):
    """Review r133-7: the page opened with "Every number below was computed by the code above it when this page was
    built" (zh 下面所有数字), but the text quotes numbers that no cell computes or prints, found by the tests: the
    float64 row 13623 -> 14781 whose output 8284 reads 7635, the float32 near-tie at output pixel 2029 of 4861 -> 2140,
    the 2 x 3000 -> 2 x 4501 antialias gap over 2000 seeds. The opening now speaks of what the cells print (en, zh)."""
    script = (Path(__file__).parents[2] / "examples" / "recipes.py").read_text(encoding="utf-8")
    printed = run[1]
    for number in ("13623", "8284", "2029", "2000 seeds", "4501"):
        assert number not in printed, number  # no cell prints it ...
        assert_pages_say(("recipes.md", number))  # ... yet the text quotes it
    assert "13623" not in script and "8284" not in script and "4501" not in script  # nor does the code compute it
    docs = Path(__file__).parents[2] / "docs"
    assert "Every number below was" not in " ".join((docs / "recipes.md").read_text(encoding="utf-8").split())
    assert "下面所有数字" not in (docs / "recipes.zh.md").read_text(encoding="utf-8")
    assert_pages_say(
        (
            "recipes.md",
            "Every number the cells below print was computed by the code above it when this page was built.",
        ),
        ("recipes.zh.md", "下面各代码单元打印出的所有数字，都是构建本页时由其上方的代码算出来的。"),
    )


def test_nearest_exact_whole_factors_up_to_200_are_blocks_on_every_axis_of_3d_input():
    """Review r137-7: "none of the factors up to 200 breaks it" (nearest-exact) was swept to 200 in 1-D and 2-D but
    only to 64 in 3-D (whole 5-D outputs grow as r cubed); the page now names the ranks, and this sweeps every factor
    from 1 to 200 along each axis of 5-D input in turn (the others kept), with scale_factor and with size, through
    both CPU kernels (contiguous, and channels_last_3d with 4 channels), against repeat_interleave; nearest, on the
    same grid, breaks at the factors the cell prints, so the grid reaches the rounding it is about."""
    nearest_broken = set()
    for r, n, axis in itertools.product(range(1, 201), (1, 2, 3), range(3)):
        shape, factors = [1, 1, 1], [1.0, 1.0, 1.0]
        shape[axis], factors[axis] = n, float(r)
        size = list(shape)
        size[axis] = n * r
        for channels, layout in ((2, torch.contiguous_format), (4, torch.channels_last_3d)):
            x = torch.randn(1, channels, *shape).contiguous(memory_format=layout)
            blocks = x.repeat_interleave(r, dim=2 + axis)
            for kwargs in (dict(scale_factor=tuple(factors)), dict(size=tuple(size))):
                assert torch.equal(F.interpolate(x, mode="nearest-exact", **kwargs), blocks), (r, n, axis, layout)
                if not torch.equal(F.interpolate(x, mode="nearest", **kwargs), blocks):
                    nearest_broken.add(r)
    assert min(nearest_broken) == 41 and 194 in nearest_broken
    assert_pages_say(
        ("recipes.md", "and none of the factors up to 200 breaks it, in 1-D, 2-D and 3-D."),
        ("recipes.zh.md", "`nearest-exact` 在取整之前先加 0.5，在一维、二维和三维中，200 以内都没有一个倍数会出错。"),
    )


_DEPTHWISE_EVERY_CASE = """
import itertools, torch, torch.nn as nn
from _upsamplers import bilinear_, bilinear_kernel, bilinear_layer_args
def layers(channels, scale):
    full = bilinear_(nn.ConvTranspose2d(channels, channels, **bilinear_layer_args(scale), bias=False))
    depthwise = nn.ConvTranspose2d(channels, channels, **bilinear_layer_args(scale), groups=channels, bias=False)
    kernel = bilinear_kernel(scale, dtype=torch.float32)
    with torch.no_grad():
        depthwise.weight.copy_(torch.outer(kernel, kernel).expand_as(depthwise.weight))
    return depthwise, full
generator = torch.Generator().manual_seed(0)
cases = [(c, s, (2, 7, 9)) for c, s in itertools.product(range(2, 33), (2, 3, 4))]
cases += [(c, 2, shape) for c in (2, 8) for shape in ((1, 3, 3), (2, 3, 3))]
cases += [(c, s, (b, 2, 1)) for c in (2, 32) for s in (8, 16) for b in (1, 2)]
differ = []
for threads in (1, 2):
    torch.set_num_threads(threads)
    for channels, scale, shape in cases:
        depthwise, full = layers(channels, scale)
        x = torch.randn(shape[0], channels, *shape[1:], generator=generator)
        with torch.no_grad():
            if not torch.equal(depthwise(x), full(x)):
                differ.append((threads, channels, scale, shape))
print(len(cases) * 2, differ)
"""


@_NEEDS_ONEDNN_AVX2
def test_limited_to_sse41_every_case_the_two_bullets_name_agrees_bit_for_bit():
    """Review r137-7: "with oneDNN limited to SSE4.1 ... all of these, the 7 x 9 batch included, agree bit for bit" was
    tested on x2 only, for 2, 8 and 32 channels and inputs at least three pixels wide (test_depthwise_and_identity_
    mixing_agreement_depends_on_the_instruction_set), while "these" takes in the 7 x 9 batch for 2 to 32 channels (at
    x2 to x4, as the AVX2 test sweeps it) and the one-pixel-wide inputs at x8 and x16. Here every one of them, with 1
    and 2 threads, agrees under SSE4.1, while the machine's own oneDNN kernels part on many of them, x16 included."""
    count, differ = run_python(_DEPTHWISE_EVERY_CASE, ONEDNN_MAX_CPU_ISA="SSE41").strip().split(" ", 1)
    assert int(count) == 2 * (31 * 3 + 4 + 8) and differ == "[]", differ
    native = eval(run_python(_DEPTHWISE_EVERY_CASE).strip().split(" ", 1)[1])
    assert {(c, s) for _, c, s, _ in native} >= {(c, s) for c in range(2, 33) for s in (2, 3, 4)}
    assert any(s == 16 and shape[1:] == (2, 1) for _, _, s, shape in native), native
    assert_pages_say(
        (
            "recipes.md",
            "no AVX) all of these, the 7 × 9 batch and the one-pixel-wide inputs at ×8 and ×16 included, agree bit for "
            "bit (the tests check the batch for every channel count from 2 to 32 at ×2 to ×4, the one-pixel-wide "
            "inputs with 2 and 32 channels, all with 1 and 2 threads).",
        ),
        (
            "recipes.zh.md",
            "这些情形连同那批 7 × 9 的输入、×8 和 ×16 下只宽 1 个像素的输入全都逐位相同（测试检查了那批输入在 2 到 32 "
            "之间每一种通道数下的 ×2 到 ×4，以及 2 个和 32 个通道、只宽 1 个像素的输入，线程数都取 1 和 2）。",
        ),
    )


def test_cross_entropy_rejects_a_mask_of_every_dtype_but_int64_save_an_empty_uint8_one_reduced():
    """Review r138-7: the page said CrossEntropyLoss, on the CPU, "rejects int32 masks, and uint8 ones unless
    empty" with mean or sum reduction, a list that left out int8, int16, bool, the wider unsigned types and the
    floating ones, which it rejects too, empty or not. Swept over every such dtype, empty and non-empty masks
    and every reduction: only int64 and an empty uint8 mask with "mean" or "sum" pass."""
    dtypes = [torch.uint8, torch.uint16, torch.uint32, torch.uint64, torch.int8, torch.int16, torch.int32]
    dtypes += [torch.int64, torch.bool, torch.float16, torch.bfloat16, torch.float32, torch.float64]
    for shape in ((0, 4, 3, 3), (2, 4, 0, 3), (2, 4, 3, 3), (1, 4, 1, 1), (2, 4, 0), (2, 4, 5)):
        scores = torch.randn(shape)
        for dtype, reduction in itertools.product(dtypes, ("mean", "sum", "none")):
            mask = torch.zeros(shape[:1] + shape[2:], dtype=dtype)
            try:
                nn.CrossEntropyLoss(reduction=reduction)(scores, mask)
                accepted = True
            except RuntimeError:
                accepted = False
            empty = mask.numel() == 0
            expected = dtype == torch.int64 or (dtype == torch.uint8 and empty and reduction != "none")
            assert accepted == expected, (shape, dtype, reduction)
    assert_pages_say(
        (
            "recipes.md",
            "(on the CPU it rejects a mask of any other dtype, `int32` included, but an empty `uint8` one with "
            '`reduction` set to `"mean"` or `"sum"`)',
        ),
        ("recipes.zh.md", "其他任何 dtype 的掩码都会被拒绝，`int32` 也不例外，只有空的 `uint8` 掩码在"),
    )


@pytest.mark.parametrize("scale", range(1, 9))
def test_padding_alone_does_not_make_the_layer_interpolate_the_crop_does_and_the_docstring_says_both(ns, scale):
    """Review r138-7: the example's docstring (the first cell of the page's notebook) said the layer equals
    F.interpolate "everywhere once the input is padded by replication"; padded alone, its output is 2r pixels
    longer on each axis and matches nowhere as a whole: the r extra output pixels on each side must be cropped, as
    the page and the cell's helper do. The docstring now names the crop."""
    from helpers import ROOT, docstring_of

    layer = ns["bilinear_transposed"](2, scale, torch.float64)
    x = torch.rand(1, 2, 5, 6, dtype=torch.float64, generator=torch.Generator().manual_seed(scale))
    reference = F.interpolate(x, scale_factor=scale, mode="bilinear", align_corners=False)
    with torch.no_grad():
        padded = layer(F.pad(x, (1, 1, 1, 1), mode="replicate"))
        cropped = ns["bilinear_transposed_everywhere"](layer, x)
    assert padded.shape[-2:] == (reference.shape[-2] + 2 * scale, reference.shape[-1] + 2 * scale)
    assert cropped.shape == reference.shape and (cropped - reference).abs().max() < 1e-13
    docstring = " ".join(docstring_of((ROOT / "examples" / "recipes.py").read_text(encoding="utf-8")).split())
    assert "padded by one pixel by replication and the r extra output pixels on each side are cropped" in docstring


def test_the_one_pixel_wide_bug_link_lands_on_the_section_that_states_the_bug():
    """ "can come back with every row equal to the first ([Which modes work where](interpolate-support.md))"
    landed on the top of that page; the bug is stated in its section {#width-one-bug} (review r139-7)."""
    support = (ROOT / "docs" / "interpolate-support.md").read_text(encoding="utf-8")
    section = support.split("### A one-pixel-wide output on the CPU {#width-one-bug}\n", 1)[1].split("\n## ", 1)[0]
    assert "comes back with every row equal to the first" in section
    assert_pages_say(
        (
            "recipes.md",
            "can come back with every row equal to the first ([Which modes work where](interpolate-support.md#width-one-bug)).",
        ),
        (
            "recipes.zh.md",
            "返回的结果可能每一行都等于第一行（见[各模式支持哪些输入](interpolate-support.md#width-one-bug)）。",
        ),
    )


def test_the_pillow_cubic_link_lands_on_the_section_that_says_a_is_minus_one_half():
    """ "uses Pillow's cubic (a = −0.5) instead of a = −0.75 (see [Which modes work where](interpolate-support.md))"
    landed on the top of that page; a = −0.5 and the border renormalisation are stated in its section
    What antialias=True computes, which the link now names and lands on (review r139-7)."""
    for page, heading, words in (
        ("interpolate-support.md", "## What antialias=True computes\n", ("`A = −0.5`", "renormalises them where")),
        ("interpolate-support.zh.md", "## antialias=True 算的是什么\n", ("`A = −0.5`", "重新归一化")),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        section = text.split(heading, 1)[1].split("\n## ", 1)[0]
        top = text.split(heading, 1)[0]
        for word in words:
            assert word in section
        assert "−0.5" not in top
    assert_pages_say(
        (
            "recipes.md",
            "uses Pillow's cubic (a = −0.5) instead of a = −0.75 (see "
            "[What antialias=True computes](interpolate-support.md#what-antialiastrue-computes)), and",
        ),
        (
            "recipes.zh.md",
            "而不是 a = −0.75（见[antialias=True 算的是什么](interpolate-support.md#antialiastrue-算的是什么)）；",
        ),
    )


def test_the_factor_makes_no_difference_link_lands_on_the_section_that_lists_the_kernels_special_cases():
    """ "In eager mode the factor makes no difference where (see [Coordinates and align_corners](interpolate-coordinates.md))"
    landed on the top of that page; the copying and doubling kernels the bullets list (and the pointer to the float32
    rounding of a factor just above a whole number) are in its section `scale_factor` is not in/out (review r139-7)."""
    for page, heading, words in (
        (
            "interpolate-coordinates.md",
            "## `scale_factor` is not in/out\n",
            ("when an axis keeps its size they copy it", "double", "within single-precision rounding"),
        ),
        ("interpolate-coordinates.zh.md", "## `scale_factor` 不等于 in/out\n", ()),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        section = text.split(heading, 1)[1].split("\n## ", 1)[0]
        for word in words:
            assert word in section
        assert "when an axis keeps its size they copy it" not in text.split(heading, 1)[0]
    assert_pages_say(
        (
            "recipes.md",
            "In eager mode the factor makes no difference where "
            "(see [`scale_factor` is not in/out](interpolate-coordinates.md#scale_factor-is-not-inout)):",
        ),
        (
            "recipes.zh.md",
            "缩放因子不起作用（见[`scale_factor` 不等于 in/out](interpolate-coordinates.md#scale_factor-不等于-inout)）：",
        ),
    )


def test_the_long_axis_link_lands_on_the_checkerboard_section_that_states_pixel_2_to_the_23_plus_2():
    """ "(at ×2 from output pixel 2²³ + 2 on; see the [checkerboard page](checkerboard.md))" landed on the top of that
    page; the wrong pair from output pixel 2²³ + 2 is stated in its section on layer type and initialisation
    (review r139-7)."""
    for page, heading in (
        ("checkerboard.md", "## Layer type and initialisation are two separate choices\n"),
        ("checkerboard.zh.md", "## 层的类型和初始化是两回事\n"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        before, after = text.split(heading, 1)
        assert "2²³ + 2" in after.split("\n## ", 1)[0]
        assert "2²³ + 2" not in before
    assert_pages_say(
        (
            "recipes.md",
            "(at ×2 from output pixel 2²³ + 2 on; see the "
            "[checkerboard page](checkerboard.md#layer-type-and-initialisation-are-two-separate-choices)).",
        ),
        (
            "recipes.zh.md",
            "（×2 时从输出像素 2²³ + 2 开始；见[棋盘格伪影](checkerboard.md#层的类型和初始化是两回事)一页）。",
        ),
    )
