"""The claims of docs/torchvision-resize*.md, asserted on the example's values and swept by calling torchvision directly."""

import contextlib
import io
import itertools
import json
import platform
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
import torchvision.transforms as T1
import torchvision.transforms.functional as F1
import torchvision.transforms.v2 as T2
import torchvision.transforms.v2.functional as F2
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from PIL import Image
from torchvision.transforms import InterpolationMode as IM

from helpers import ROOT, assert_pages_say, printed_by, run_example, run_python

AVX = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512")
sizes = st.integers(1, 40)
shape_pairs = st.tuples(sizes, sizes, sizes, sizes)


@pytest.fixture(scope="module")
def ns():
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return run_example("torchvision_resize.py")


def image(channels, h, w, seed=0):
    return torch.randint(0, 256, (channels, h, w), dtype=torch.uint8, generator=torch.Generator().manual_seed(seed))


def pil_resize(img, oh, ow, mode):
    array = img.permute(1, 2, 0).numpy()
    pil = Image.fromarray(array[..., 0] if img.shape[0] == 1 else array).resize(
        (ow, oh), resample=F1.pil_modes_mapping[mode]
    )
    out = np.array(pil)
    return torch.from_numpy(out[..., None] if out.ndim == 2 else out).permute(2, 0, 1)


def levels(a, b):
    return (a.int() - b.int()).abs().max().item()


# --- the antialias default -------------------------------------------------------------


def test_every_entry_point_defaults_to_antialias_true(ns):
    assert set(ns["defaults"].values()) == {True}
    assert len(ns["defaults"]) == 4


@settings(max_examples=60, deadline=None)
@given(shape_pairs, st.sampled_from([None, True, False]))
def test_tensor_antialias_none_means_false_true_means_true(shape, value):
    h, w, oh, ow = shape
    x = image(3, h, w).float()
    expected = F.interpolate(x[None], size=(oh, ow), mode="bilinear", align_corners=False, antialias=bool(value))[0]
    assert torch.equal(F2.resize(x, [oh, ow], antialias=value), expected)
    assert torch.equal(F1.resize(x, [oh, ow], antialias=value), expected)


def test_antialias_table(ns):
    effect = ns["antialias_effect"]
    assert [effect[v][0] for v in (True, False, None)] == ["antialias=True", "antialias=False", "antialias=False"]
    assert all(effect[v][1] for v in effect)  # PIL ignores the value
    assert [bool(effect[v][2]) for v in (True, False, None)] == [False, True, False]  # only False warns


@settings(max_examples=30, deadline=None)
@given(shape_pairs, st.sampled_from([IM.BILINEAR, IM.BICUBIC]))
def test_pil_ignores_antialias_false(shape, mode):
    h, w, oh, ow = shape
    pil = Image.fromarray(image(3, h, w).permute(1, 2, 0).numpy())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        off = F2.resize(pil, [oh, ow], mode, antialias=False)
    assert np.array_equal(np.array(off), np.array(F2.resize(pil, [oh, ow], mode)))


@pytest.mark.parametrize("size", [[16, 20], [9, 9], [16], 9])
def test_pil_antialias_false_warns_in_v2_at_any_size_and_in_v1_only_where_the_size_changes(size):
    # Review 65: "A PIL image ignores the argument. Only False warns" held for v2; v1 returns an image of the size
    # asked for before it reaches its warning.
    pil = Image.fromarray(image(3, 16, 20).permute(1, 2, 0).numpy())
    unchanged = size in ([16, 20], [16])
    for fn, warns in ((F2.resize, True), (F1.resize, not unchanged), (T2.Resize, True), (T1.Resize, not unchanged)):
        for value in (False, None, True):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                out = fn(size, antialias=value)(pil) if isinstance(fn, type) else fn(pil, size, antialias=value)
            said = any("Anti-alias option is always applied" in str(w.message) for w in caught)
            assert said == (warns and value is False), (fn, value, size)
            assert (out is pil) == unchanged, (fn, value, size)


def test_pillow_has_unfiltered_bilinear_outside_resize_and_on_palette_images():
    # Review 42: the page said "Pillow has no unfiltered bilinear or bicubic" (and "Pillow always filters"); it has:
    # Image.transform samples without widening its filter, and resize itself turns BILINEAR/BICUBIC into NEAREST
    # on "P" and "1" images. The page now says only that a PIL image ignores the argument.
    row = np.random.default_rng(0).random((1, 64)).astype(np.float32)
    for mode, resample in (("bilinear", Image.Resampling.BILINEAR), ("bicubic", Image.Resampling.BICUBIC)):
        moved = Image.fromarray(row, mode="F").transform(
            (16, 1), Image.Transform.EXTENT, (0, 0, 64, 1), resample=resample
        )
        plain = F.interpolate(torch.from_numpy(row)[None, None], size=(1, 16), mode=mode, antialias=False)[0, 0]
        smooth = F.interpolate(torch.from_numpy(row)[None, None], size=(1, 16), mode=mode, antialias=True)[0, 0]
        moved = torch.from_numpy(np.array(moved)[0])
        if mode == "bilinear":
            assert (moved - plain).abs().max() < 1e-5  # torch's unfiltered bilinear
        assert (moved - smooth).abs().max() > 0.05
    palette = Image.fromarray(image(1, 64, 64)[0].numpy()).convert("P")
    shrunk = palette.resize((16, 16), resample=Image.Resampling.BILINEAR)
    assert np.array_equal(np.array(shrunk), np.array(palette.resize((16, 16), resample=Image.Resampling.NEAREST)))


# --- tensors against PIL -----------------------------------------------------------------


def test_box_and_hamming_raise_for_every_tensor_path_and_lanczos_only_for_v1(ns):
    table = ns["mode_vs_pil"]
    for path in ns["tensor_paths"]:
        assert isinstance(table["BOX", path], str) and isinstance(table["HAMMING", path], str)
        for mode in ("NEAREST", "NEAREST_EXACT", "BILINEAR", "BICUBIC"):
            assert isinstance(table[mode, path], int)
    assert table["LANCZOS", "v1, uint8 tensor"].startswith("ValueError")
    assert isinstance(table["LANCZOS", "v2, uint8 tensor"], int)
    for mode in (IM.BOX, IM.HAMMING):
        for fn in (F1.resize, F2.resize):
            with pytest.raises(NotImplementedError):
                fn(image(3, 9, 9).float(), [4, 4], mode)
        assert pil_resize(image(3, 9, 9), 4, 4, mode).shape == (3, 4, 4)


@pytest.mark.parametrize("mode", [IM.BOX, IM.HAMMING, IM.LANCZOS])
@pytest.mark.parametrize("fn", [F1.resize, F2.resize])
@pytest.mark.parametrize("dtype", [torch.uint8, torch.float32])
def test_modes_that_raise_on_tensors_do_not_at_an_unchanged_size(mode, fn, dtype):
    # the page: BOX and HAMMING raise on tensors, LANCZOS raises in v1, only when the size changes
    img = image(3, 9, 7).to(dtype)
    assert fn(img, [9, 7], mode) is img
    with pytest.raises((NotImplementedError, ValueError)):
        (F1.resize if mode == IM.LANCZOS else fn)(img, [9, 8], mode)


def test_mode_table_numbers(ns):
    table = ns["mode_vs_pil"]
    assert table["NEAREST", "v2, uint8 tensor"] > 100  # nearest is not PIL's nearest
    assert table["BILINEAR", "v2, uint8 tensor"] == 1
    assert table["BICUBIC", "v2, uint8 tensor"] <= 2 < table["BICUBIC", "v1, uint8 tensor"]
    assert table["BICUBIC", "v2, float32 tensor"] == table["BICUBIC", "v1, uint8 tensor"]  # the same float path
    assert table["LANCZOS", "v2, uint8 tensor"] <= 2 < table["LANCZOS", "v2, float32 tensor"]


def test_nearest_exact_equals_pil_nearest_except_on_borders(ns):
    assert ns["mismatches"] == ns["tie_mismatches"] > 0
    assert ns["tie_mismatches"] < ns["ties"]
    n_in, n_out, ours, theirs = ns["first_tie_mismatch"]
    assert (n_in, n_out) == (2, 7) and ours != theirs


@settings(max_examples=60, deadline=None)
@given(st.tuples(sizes, sizes, st.integers(1, 400), st.integers(1, 400)))  # factors up to 400
def test_nearest_exact_equals_pil_nearest_off_the_borders(shape):
    h, w, oh, ow = shape
    img = torch.arange(h * w, dtype=torch.int32).view(1, h, w).float()
    ours = F2.resize(img, [oh, ow], IM.NEAREST_EXACT)[0]
    theirs = torch.from_numpy(np.array(Image.fromarray(img[0].numpy(), mode="F").resize((ow, oh), resample=0)))
    rows_ok = torch.tensor([(2 * i + 1) * h % (2 * oh) != 0 for i in range(oh)])
    cols_ok = torch.tensor([(2 * j + 1) * w % (2 * ow) != 0 for j in range(ow)])
    off_border = rows_ok[:, None] & cols_ok[None, :]
    assert torch.equal(ours[off_border], theirs[off_border])


def test_float_kernels_equal_pillows_float_images(ns):
    assert set(ns["float_vs_pil"]) == {"bilinear", "bicubic", "lanczos"}
    assert max(ns["float_vs_pil"].values()) < 1e-3


@settings(max_examples=40, deadline=None)
@given(
    st.tuples(st.integers(1, 300), sizes, sizes, st.integers(2, 300)),  # factors beyond 100 both ways
    st.sampled_from(["bilinear", "bicubic", "lanczos"]),
)
def test_float_kernel_equals_pil_float_sweep(shape, mode):
    h, w, oh, ow = shape  # an output width of 1 is wrong in torch, shown on its own
    values = image(1, h, w)[0].float()
    pil = Image.fromarray(values.numpy(), mode="F").resize((ow, oh), resample=F1.pil_modes_mapping[IM(mode)])
    ours = F.interpolate(values[None, None], size=(oh, ow), mode=mode, antialias=True)[0, 0]
    # float rounding: each output sums about 2-6 taps per unit of shrink in float32, each good to
    # ~1.5e-5 at values near 255, in another order than Pillow (one case reached 1.1e-3); and torch
    # computes its sample positions in float32 (Pillow in double), an error of up to 2^-23 of the
    # position, so on long axes a pixel can move by that times the image's slope (at most 255 per pixel):
    # 16x40 -> 16x148 bicubic reached 1.04e-3 with one tap.
    taps = max(h / oh, w / ow, 1.0)
    positions = 255 * 2.0**-23 * max(h, w, oh, ow) * taps
    assert (ours - torch.from_numpy(np.array(pil))).abs().max().item() < 1e-3 * taps + positions


# --- the uint8 path ----------------------------------------------------------------------


@pytest.mark.skipif(
    not AVX, reason="the v2 column is torch's uint8 kernel for bilinear only on AVX2/AVX512 (review 51)"
)
def test_uint8_sweep_numbers(ns):
    stats = ns["uint8_stats"]
    v2, v1 = ns["uint8_paths"]
    for mode in ("BILINEAR", "BICUBIC", "LANCZOS"):
        assert stats[mode, v2, "width first"][0] <= 2
        assert stats[mode, v2, "width first"][1] < 0.01
    # bilinear does not overshoot: going height first does not raise its largest difference,
    # though more pixels differ.
    assert stats["BILINEAR", v2, "height first"][0] == stats["BILINEAR", v2, "width first"][0]
    assert stats["BILINEAR", v2, "height first"][1] > stats["BILINEAR", v2, "width first"][1]
    assert stats["BICUBIC", v2, "height first"][0] > 10 and stats["LANCZOS", v2, "height first"][0] > 10
    assert stats["BILINEAR", v2, "width first"][1] < stats["BILINEAR", v1, "width first"][1] / 10
    assert stats["BICUBIC", v1, "width first"][0] > 5 and stats["BICUBIC", v1, "height first"][0] > 5
    assert stats["BICUBIC", v2, "width first"][1] < stats["BICUBIC", v1, "width first"][1] / 10
    # When Pillow goes height first the gap closes, and for bicubic the float32 road is closer.
    hf = "height first"
    assert stats["BILINEAR", v2, hf][1] / 2 < stats["BILINEAR", v1, hf][1] < 2 * stats["BILINEAR", v2, hf][1]
    assert stats["BICUBIC", v1, hf][1] < stats["BICUBIC", v2, hf][1]
    assert stats["BICUBIC", v1, hf][0] < stats["BICUBIC", v2, hf][0]
    assert stats["LANCZOS", v1, "width first"][0] == "ValueError"
    assert "neither" not in ns["pil_order"].values()


def test_float32_road_bicubic_is_many_levels_off_pillow_only_where_both_axes_change(ns):
    # Review 108: the page said the float32 road differs from Pillow "for bicubic by many levels whatever the order";
    # where one axis keeps its size Pillow makes one pass (no rounding in between) and v1 stays within one level.
    # The page now says it of the table's rows; on the sweep's grid that needs both axes to change.
    v1 = ns["uint8_paths"]["v1 (float32, then rounded)"]
    one_axis, both_axes = 0, 0
    for index, (h, w, oh, ow, channels) in enumerate(ns["grid"]):
        img = ns["random_image"](channels, h, w, seed=index)
        pil = ns["from_pil"](ns["to_pil"](img).resize((ow, oh), resample=Image.Resampling.BICUBIC)).int()
        gap = (v1(img, [oh, ow], IM.BICUBIC).int() - pil).abs().max().item()
        if h == oh or w == ow:
            one_axis = max(one_axis, gap)
        else:
            both_axes = max(both_axes, gap)
    assert one_axis <= 1 < 5 < both_axes


def test_pass_order(ns):
    order = ns["pass_order"]
    assert all(gap <= 2 for gap in ns["torch_vs_width_first"].values())
    assert (
        "width first" not in order["height shrinks, width grows"]
        and "height first" in order["height shrinks, width grows"]
    )
    assert all("height first" not in found for axes, found in order.items() if axes.startswith("height grows"))
    assert {"width first", "height first"} <= set(order["height shrinks, width shrinks"])


def pil_order(pil, oh, ow, mode):
    """Which two-call order Pillow's single call equals: 'w', 'h', 'either' or 'neither'."""
    f = F1.pil_modes_mapping[mode]
    one = np.array(pil.resize((ow, oh), resample=f))
    w_first = np.array_equal(one, np.array(pil.resize((ow, pil.height), resample=f).resize((ow, oh), resample=f)))
    h_first = np.array_equal(one, np.array(pil.resize((pil.width, oh), resample=f).resize((ow, oh), resample=f)))
    return "either" if w_first and h_first else "w" if w_first else "h" if h_first else "neither"


@settings(max_examples=30, deadline=None)
@given(
    st.integers(1, 4),
    st.integers(101, 130),
    st.integers(2, 9),
    st.integers(2, 60),
    st.sampled_from([IM.BILINEAR, IM.BICUBIC]),
)
def test_pillow_goes_height_first_on_images_over_100_times_taller_than_wide(w, ratio, ow, oh, mode):
    # Pillow 12.2 and 12.3 (PR #9524) and 13 (PR #9549) run the vertical pass first here, so
    # "Pillow before 13 always went width first" is wrong for 12.2 and 12.3. Up to 12.1: width first.
    pil = Image.fromarray(image(3, w * ratio, w).permute(1, 2, 0).numpy())
    expected = "h" if tuple(int(v) for v in Image.__version__.split(".")[:2]) >= (12, 2) else "w"
    assert pil_order(pil, oh, ow, mode) in (expected, "either")


@pytest.mark.skipif(not AVX, reason="the sentence is about the AVX2/AVX512 uint8 kernels")
@settings(max_examples=80, deadline=None)
@given(
    st.tuples(st.integers(1, 64), st.integers(1, 64), st.integers(1, 130), st.integers(2, 130)),
    st.sampled_from([1, 3]),
    st.sampled_from([IM.BILINEAR, IM.BICUBIC, IM.LANCZOS]),
)
def test_v2_uint8_within_two_levels_of_pil_when_pillow_goes_width_first(shape, channels, mode):
    h, w, oh, ow = shape  # ow >= 2: outputs one pixel wide are tested on their own
    img = image(channels, h, w, seed=h * w)
    array = img.permute(1, 2, 0).numpy()
    order = pil_order(Image.fromarray(array[..., 0] if channels == 1 else array), oh, ow, mode)
    assert order != "neither"
    if oh < h and ow > w:
        assert order in ("h", "either")
    if oh > h:
        assert order in ("w", "either")
    if order in ("w", "either") or mode is IM.BILINEAR:
        assert levels(F2.resize(img, [oh, ow], mode), pil_resize(img, oh, ow, mode)) <= 2


def test_width_one_float_is_wrong_exactly_when_a_tall_input_changes_height(ns):
    wrong = {(h, w, oh) for h, w, oh, *_ in ns["wrong_float"]}
    assert wrong == {(h, w, oh) for h, w, oh in ns["width_one_cases"] if h >= 2 and oh != h}
    assert 10 < ns["worst_uint8_v1"]
    if AVX:  # the uint8 kernel; elsewhere v2 bilinear goes through float32 too
        assert ns["worst_uint8"] <= 1
    assert all(len(set(ours)) == 1 for *_, ours, _ in ns["wrong_float"])  # one value repeated down the column


def test_width_one_float_is_right_when_the_output_is_one_pixel_high():
    # The exception needs an output at least two high: a 1x1 output from any float RGB input is Pillow's.
    for h, w in itertools.product(range(1, 9), range(1, 9)):
        img = image(3, h, w, seed=h * 10 + w).float()
        ours = F2.resize(img, [1, 1])
        theirs = [
            np.asarray(Image.fromarray(c.numpy(), mode="F").resize((1, 1), Image.Resampling.BILINEAR)) for c in img
        ]
        assert np.abs(ours.numpy() - np.stack(theirs)).max() < 1e-3, (h, w)


@pytest.mark.parametrize("channels_last", [False, True])
def test_width_one_float_with_three_channels_channels_last_is_right(channels_last):
    x = torch.tensor([172.0, 47.0]).view(1, 1, 2, 1).repeat(1, 3, 1, 1)
    if channels_last:
        x = x.contiguous(memory_format=torch.channels_last)
    out = F2.resize(x, [3, 1])[0, 0, :, 0].tolist()
    assert (out == [172.0, 109.5, 47.0]) == channels_last


def test_width_one_float_non_contiguous_view_is_wrong_too():
    wide = torch.tensor([172.0, 0.0, 47.0, 0.0]).view(1, 1, 2, 2).repeat(1, 3, 1, 1)
    view = wide[..., ::2]  # a crop: the same values, not contiguous
    assert not view.is_contiguous()
    assert F2.resize(view, [3, 1])[0, 0, :, 0].tolist() == [172.0, 172.0, 172.0]
    # Review 120: the page said 'a non-contiguous view of a contiguous one such as a crop'; a contiguous NHWC batch
    # permuted to NCHW is such a view and passes torch's channels-last stride test: right through v1 and v2 alike.
    # Crops, with or without steps, of a contiguous (C, H, W) or (N, C, H, W) tensor meet the bug through both.
    generator = torch.Generator().manual_seed(120)
    for channels, batch in itertools.product((1, 2, 3, 4), ((), (1,), (2,))):
        full = torch.rand(*batch, channels, 9, 6, generator=generator)
        crops = (full[..., 1:, :], full[..., :, 1:4], full[..., ::2, :], full[..., :, ::3], full[..., 1:8:2, 2:])
        for crop, fn in itertools.product(crops, (F1.resize, F2.resize)):
            out = fn(crop, [7, 1])  # a height none of the crops has
            assert (out == out[..., :1, :]).all(), (channels, batch, crop.stride())
        if channels > 1:
            view = torch.rand(*(batch or (1,)), 9, 6, channels, generator=generator).permute(0, 3, 1, 2)
            right = F.interpolate(view.transpose(-1, -2).contiguous(), size=(1, 7), mode="bilinear", antialias=True)
            for fn in (F1.resize, F2.resize):
                assert torch.allclose(fn(view, [7, 1]), right.transpose(-1, -2), atol=1e-5), (channels, batch)
    assert_pages_say(
        ("torchvision-resize.md", "- **A float tensor**, contiguous or a crop of a contiguous one, meets it."),
        (
            "torchvision-resize.zh.md",
            "- **浮点张量**：无论是连续存储的，还是从连续张量裁剪得到的非连续视图，都会中招。",
        ),
    )


def test_rgba_pil_differs_by_more(ns):
    assert ns["rgba_worst"] > 2
    img = image(4, 9, 10)
    img[3] = torch.arange(90, dtype=torch.uint8).view(9, 10)  # alpha varies, as in the example
    assert levels(F2.resize(img, [4, 5]), pil_resize(img, 4, 5, IM.BILINEAR)) > 2
    img[3] = 255  # opaque: the weighting by alpha is the whole difference
    assert levels(F2.resize(img, [4, 5]), pil_resize(img, 4, 5, IM.BILINEAR)) <= 2


def test_tiny_outputs_that_raise(ns):
    expected = {}
    for c, h, w, oh, ow in itertools.product((1, 3, 4), (1, 2, 5, 9), (1, 2, 5, 10), (1, 2, 3), (1, 2, 3)):
        for mode in (IM.BILINEAR, IM.BICUBIC, IM.LANCZOS):
            try:
                F2.resize(image(c, h, w), [oh, ow], mode)
            except RuntimeError:
                expected[c, h, w, oh, ow, mode.name] = True
    assert set(ns["tiny_failures"]) == set(expected)
    if AVX:
        # every 3-channel input at least two rows high, whatever its width and the mode
        assert set(expected) == {
            (3, h, w, 1, 1, m) for h in (2, 5, 9) for w in (1, 2, 5, 10) for m in ("BILINEAR", "BICUBIC", "LANCZOS")
        }
    assert F2.resize(image(3, 9, 10).float(), [1, 1]).shape == (3, 1, 1)


@pytest.mark.parametrize("mode", [IM.BILINEAR, IM.BICUBIC, IM.LANCZOS])
def test_tiny_assert_spares_a_channels_last_3_channel_uint8_tensor(mode):
    # an HWC array permuted to CHW is channels_last: the 1x1 assert needs a contiguous tensor
    for h, w in itertools.product((2, 5, 9), (1, 2, 5, 10)):
        hwc = image(3, h, w).permute(1, 2, 0).contiguous()
        out = F2.resize(hwc.permute(2, 0, 1), [1, 1], mode)
        assert out.shape == (3, 1, 1)
        assert (out.int() - F2.resize(hwc.permute(2, 0, 1).float(), [1, 1], mode).round().int()).abs().max() <= 1


@pytest.mark.parametrize("mode", [IM.NEAREST, IM.NEAREST_EXACT, IM.BILINEAR, IM.BICUBIC, IM.LANCZOS])
def test_dtype_that_reaches_interpolate_for_a_uint8_tensor(monkeypatch, mode):
    import torchvision.transforms._functional_tensor as v1_tensor
    import torchvision.transforms.v2.functional._geometry as v2_geometry

    seen = []

    def spy(tensor, *args, **kwargs):
        seen.append(tensor.dtype)
        return F.interpolate(tensor, *args, **kwargs)

    monkeypatch.setattr(v2_geometry, "interpolate", spy)
    monkeypatch.setattr(v1_tensor, "interpolate", spy)
    F2.resize(image(3, 9, 10), [4, 5], mode)
    native = mode is not IM.BILINEAR or AVX or platform.machine() in ("aarch64", "arm64")
    assert seen == [torch.uint8 if native else torch.float32]
    if mode is not IM.LANCZOS:
        seen.clear()
        F1.resize(image(3, 9, 10), [4, 5], mode)
        assert seen == [torch.float32]  # v1: float32 for every mode


# --- which F.interpolate call --------------------------------------------------------------

CALLS = {
    IM.NEAREST: dict(mode="nearest"),
    IM.NEAREST_EXACT: dict(mode="nearest-exact"),
    IM.BILINEAR: dict(mode="bilinear", align_corners=False, antialias=True),
    IM.BICUBIC: dict(mode="bicubic", align_corners=False, antialias=True),
    IM.LANCZOS: dict(mode="lanczos", align_corners=False, antialias=True),
}


def test_equivalence_table(ns):
    assert len(ns["equivalence_diff"]) == 9
    assert set(ns["equivalence_diff"].values()) == {0.0}


@settings(max_examples=80, deadline=None)
@given(
    shape_pairs,
    st.sampled_from(list(CALLS)),
    st.sampled_from([(), (2,), (2, 3)]),
    st.sampled_from([torch.float32, torch.float64]),
    st.booleans(),
)
def test_float_resize_is_one_interpolate_call(shape, mode, batch, dtype, channels_last):
    h, w, oh, ow = shape
    x = torch.randn(*batch, 3, h, w, dtype=dtype) * 100
    if channels_last and len(batch) == 1:
        x = x.contiguous(memory_format=torch.channels_last)
    expected = F.interpolate(x.reshape(-1, 3, h, w), size=(oh, ow), **CALLS[mode]).reshape(*batch, 3, oh, ow)
    if (oh, ow) == (h, w):
        expected = x
    assert torch.equal(F2.resize(x, [oh, ow], mode), expected)
    assert torch.equal(T2.Resize((oh, ow), mode)(x), expected)
    if mode is not IM.LANCZOS and len(batch) <= 1:
        assert torch.equal(F1.resize(x, [oh, ow], mode), expected)
        assert torch.equal(T1.Resize((oh, ow), mode)(x), expected)


@pytest.mark.parametrize("mode", [IM.BILINEAR, IM.BICUBIC, IM.LANCZOS])
def test_channels_last_image_to_width_one_is_not_the_plain_x_none_call(mode):
    # resize re-strides a channels_last (C, H, W) image; x[None] takes the contiguous kernel and its width-one bug
    call = dict(mode=mode.value, align_corners=False, antialias=True)
    for channels, h, w, oh in itertools.product((1, 2, 3, 4, 8), (2, 5, 9), (1, 3, 7), (2, 4, 12)):
        if oh == h:
            continue
        x = torch.rand(h, w, channels, generator=torch.Generator().manual_seed(h * 100 + w)).permute(2, 0, 1)
        ours, plain = F2.resize(x, [oh, 1], mode), F.interpolate(x[None], size=(oh, 1), **call)[0]
        right = F.interpolate(x.contiguous().mT[None], size=(1, oh), **call)[0].mT  # one pixel high: no bug
        assert torch.equal(ours, plain) == (channels == 1), (channels, h, w, oh)
        assert torch.allclose(ours, right, atol=1e-5) == (channels > 1), (channels, h, w, oh)


@pytest.mark.parametrize("mode", [IM.BILINEAR, IM.BICUBIC])
def test_v1_is_the_plain_call_in_both_width_one_exceptions(mode):
    # Review 65: the two exceptions to "each setting is one F.interpolate call" said "torchvision re-strides" and
    # "resize right", but only v2 re-strides: v1 (also transforms.Resize) is the plain call there, bug and all.
    call = dict(mode=mode.value, align_corners=False, antialias=True)
    wrong = 0
    for channels, h, w, oh in itertools.product((2, 3, 4, 8), (2, 5, 9), (1, 3, 8), (2, 4, 12)):
        if oh == h:
            continue
        hwc = torch.rand(h, w, channels, generator=torch.Generator().manual_seed(h * 100 + w))
        batch = hwc.permute(2, 0, 1)[None].contiguous(memory_format=torch.channels_last)
        for x in (hwc.permute(2, 0, 1), batch[..., ::2], batch[:, 1:]):
            plain = F.interpolate(x[None] if x.ndim == 3 else x, size=(oh, 1), **call)
            plain = plain[0] if x.ndim == 3 else plain
            v1 = F1.resize(x, [oh, 1], mode)
            assert torch.equal(v1, plain) and torch.equal(T1.Resize((oh, 1), mode)(x), plain), (channels, h, w, oh)
            wrong += not torch.equal(v1, F2.resize(x, [oh, 1], mode))
    assert wrong > 0


@settings(max_examples=40, deadline=None)
@given(shape_pairs, st.sampled_from([IM.BILINEAR, IM.BICUBIC]), st.sampled_from([torch.float16, torch.bfloat16]))
def test_half_precision_goes_through_float32(shape, mode, dtype):
    h, w, oh, ow = shape
    x = torch.randn(3, h, w).to(dtype)
    expected = F.interpolate(x[None].float(), size=(oh, ow), **CALLS[mode])[0].to(dtype)
    if (oh, ow) == (h, w):
        expected = x
    assert torch.equal(F2.resize(x, [oh, ow], mode), expected)


@pytest.mark.skipif(not AVX, reason="v2 sends uint8 bilinear to torch's uint8 kernel only on AVX2/AVX512 CPUs")
@settings(max_examples=60, deadline=None)
@given(st.tuples(sizes, sizes, sizes, st.integers(2, 40)), st.sampled_from([IM.BILINEAR, IM.BICUBIC, IM.LANCZOS]))
def test_uint8_v2_is_torchs_uint8_kernel_v1_is_float_rounded(shape, mode):
    h, w, oh, ow = shape
    img = image(3, h, w)
    if (oh, ow) == (h, w):
        return
    assert torch.equal(F2.resize(img, [oh, ow], mode), F.interpolate(img[None], size=(oh, ow), **CALLS[mode])[0])
    if mode is not IM.LANCZOS:
        out = F.interpolate(img[None].float(), size=(oh, ow), **CALLS[mode])[0]
        out = out.clamp(0, 255) if mode is IM.BICUBIC else out
        assert torch.equal(F1.resize(img, [oh, ow], mode), out.round().to(torch.uint8))


# --- the shorter edge --------------------------------------------------------------------


def test_shorter_edge_counts(ns):
    """The printed count is every pair, and only those, whose long edge int() truncates below the rounded value."""
    pairs = ns["pairs"]
    assert all(ns["long_edge"][short, long] == int(224 * long / short) for short, long in pairs)
    expected = [(short, long) for short, long in pairs if int(224 * long / short) != round(224 * long / short)]
    assert ns["truncated"] == expected and 0 < len(expected) < len(pairs)
    assert f"rounding gives in {len(expected)}\n" in printed_by("torchvision_resize.py")
    # Review r116-4: the cell's comment said "Over every (short, long) pair with short 100..600"; the sweep steps
    # short by 7 and long by 5, so most pairs are not tried (107 is, 101 is not): the comment names the steps.
    grid = [(short, long) for short in range(100, 601, 7) for long in range(short, 2 * short + 1, 5)]
    assert pairs == grid and (101, 101) not in pairs and (107, 107) in pairs
    source = (Path(__file__).resolve().parents[2] / "examples" / "torchvision_resize.py").read_text(encoding="utf-8")
    assert "Over every (short, long) pair" not in source
    assert "short from 100 to 600 in steps of 7 and long\n# from short to twice short in steps of 5" in source


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 1500), st.integers(1, 1500), st.integers(1, 600))
def test_int_size_sets_shorter_edge_and_truncates_the_other(h, w, size):
    short, long = min(h, w), max(h, w)
    other = int(size * long / short)
    expected = (other, size) if h > w else (size, other)
    assert tuple(T2.Resize(size)(torch.empty(0, h, w)).shape[-2:]) == expected
    # v1 resizes even an empty image, and interpolate rejects that: one channel, nearest.
    assert tuple(T1.Resize(size, IM.NEAREST)(torch.zeros(1, h, w)).shape[-2:]) == expected


@pytest.mark.parametrize("size", [np.int64(32), np.int32(32), np.int64(48), np.int16(224)])
def test_a_numpy_integer_size_raises_where_a_python_int_sets_the_shorter_edge(size):
    # Review 122: "An int resizes the shorter edge"; a NumPy integer is refused by both functions and both Resize
    # classes, for tensors and PIL images, at a changed and at an unchanged (48) shorter edge alike.
    image, pil = torch.rand(3, 48, 64), Image.new("RGB", (64, 48))
    calls = (F1.resize, F2.resize, lambda im, s: T1.Resize(s)(im), lambda im, s: T2.Resize(s)(im))
    for call, im in itertools.product(calls, (image, pil)):
        with pytest.raises((TypeError, ValueError)):
            call(im, size)
        assert min(F2.get_size(call(im, int(size)))) == int(size)
    # and v2's Resize(224) passes the shorter edge on as a one-element list (v1's keeps the int), which takes the
    # int's road
    assert T2.Resize(224).size == [224] and T1.Resize(224).size == 224
    assert F2.resize(image, [32]).shape == F2.resize(image, 32).shape == (3, 32, 42)
    assert_pages_say(
        ("torchvision-resize.md", "A Python `int` (a NumPy integer raises) resizes the **shorter** edge"),
        ("torchvision-resize.md", "for a shorter edge (an int, or `[224]` as `Resize(224)` passes it)"),
        ("torchvision-resize.zh.md", "传一个 Python `int` 时（传 NumPy 整数会报错），缩放的是**短边**"),
        ("torchvision-resize.zh.md", "给定短边时（一个 int，或者像 `Resize(224)` 那样传 `[224]`）"),
    )


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 2000), st.integers(1, 2000), st.integers(1, 500), st.integers(1, 500))
def test_max_size_caps_the_longer_edge(h, w, size, extra):
    max_size = size + extra
    short, long = min(h, w), max(h, w)
    new_short, new_long = size, int(size * long / short)
    if new_long > max_size:
        new_short, new_long = int(max_size * new_short / new_long), max_size
    expected = (new_long, new_short) if h > w else (new_short, new_long)
    assert tuple(T2.Resize(size, max_size=max_size)(torch.empty(0, h, w)).shape[-2:]) == expected


def test_printed_shorter_edge_cases():
    assert tuple(T2.Resize(224)(torch.empty(0, 375, 500)).shape[-2:]) == (224, 298)
    assert tuple(T2.Resize(224, max_size=256)(torch.empty(0, 300, 900)).shape[-2:]) == (85, 256)


@pytest.mark.parametrize("fn", [F1.resize, F2.resize])
@pytest.mark.parametrize("dtype", [torch.uint8, torch.float32])
def test_same_size_returns_the_input_object(ns, fn, dtype):
    assert all(ns["same_object"].values())
    img = image(3, 5, 7).to(dtype)
    assert fn(img, [5, 7]) is img and fn(img, 5) is img
    assert fn(img, [5, 8]) is not img


def test_same_size_sentence_names_the_ranks_v2_takes():
    # Review 109: "when the size asked for is the size the image already has, resize ... returns its input" covered a
    # bare (H, W) tensor, which v2 refuses at any size; the page now names PIL images and (C, H, W) or more dimensions.
    hw = torch.rand(9, 10)
    with pytest.raises(ValueError):
        F2.resize(hw, [9, 10])
    for shape in [(1, 9, 10), (2, 3, 9, 10), (2, 2, 3, 9, 10)]:
        x = torch.rand(shape)
        assert F2.resize(x, [9, 10]) is x
    assert_pages_say(
        ("torchvision-resize.md", "size a PIL image or a tensor of (C, H, W) or more dimensions already has"),
        ("torchvision-resize.zh.md", "PIL 图像或 (C, H, W) 及更多维张量现有的尺寸"),
    )


# --- lanczos and v1 against v2 --------------------------------------------------------------


def test_lanczos_results(ns):
    results = ns["lanczos_results"]
    assert results["v1 functional.resize, CPU"].startswith("ValueError")
    assert results["v2 functional.resize, CPU"] == "works"
    assert results["v2 functional.resize, antialias=False"].startswith("ValueError")
    on_device = results[f"v2 functional.resize, {ns['device'].type}"]
    assert (on_device == "works") == ns["lanczos_works"](ns["device"])


def test_v1_v2_table(ns):
    table = ns["v1_v2"]
    for row in (
        "5-D tensor (2, 4, 3, 37, 50)",
        'interpolation="bilinear" (a string)',
        "size=None, max_size=40",
        "LANCZOS tensor",
    ):
        assert "shape" not in table[row][0] and "shape" in table[row][1], row
    assert table["uint8 tensor, bilinear"][0] == table["uint8 tensor, bilinear"][1]
    if AVX:
        assert ns["uint8_v1_v2_diff"]["BILINEAR", (20, 23)] == 1 and ns["uint8_v1_v2_diff"]["BICUBIC", (20, 23)] > 1
    # "a few levels" only when shrinking: enlarging with bicubic they part by many more.
    for size in ((35, 48), (93, 125)):
        assert ns["uint8_v1_v2_diff"]["BICUBIC", size] > 3 * ns["uint8_v1_v2_diff"]["BICUBIC", (20, 23)]


@pytest.mark.parametrize("size", [(35, 48), (33, 45), (40, 60), (74, 100), (93, 125)])
def test_uint8_bicubic_v1_v2_part_by_many_levels_enlarging_or_shrinking_a_little(size):
    u8 = torch.randint(0, 256, (3, 37, 50), dtype=torch.uint8, generator=torch.Generator().manual_seed(1))
    assert (F1.resize(u8, list(size), IM.BICUBIC).int() - F2.resize(u8, list(size), IM.BICUBIC).int()).abs().max() > 8


@pytest.mark.skipif(not AVX, reason="v2 sends uint8 bilinear to torch's uint8 kernel only on AVX2/AVX512 CPUs")
def test_uint8_v1_v2_differ_at_width_one_but_not_always_by_more_than_bicubic_enlarging(ns):
    # Review 42: the page said v1 and v2 differ "by more still at an output one pixel wide"; on the page's image a
    # short column (37x50 -> 2x1, 3x1) differs by a few levels only, less than bicubic enlarging. They do differ.
    u8 = ns["u8"]
    for mode in (IM.BILINEAR, IM.BICUBIC):
        gaps = [
            levels(F1.resize(u8, [oh, 1], mode), F2.resize(u8, [oh, 1], mode)) for oh in range(2, 101) if oh != 37
        ]  # the bug needs the height to change
        assert min(gaps) > 0, mode
        assert min(gaps) < ns["uint8_v1_v2_diff"]["BICUBIC", (93, 125)], mode


def test_pass_order_changes_bilinear_by_rounding_and_bicubic_by_more(ns):
    assert any(order != "either" for (*_, mode), order in ns["pil_order"].items() if mode == "BILINEAR")
    rng = np.random.default_rng(5)
    gaps = {}
    for name in ("BILINEAR", "BICUBIC"):
        filter_ = getattr(Image.Resampling, name)
        worst = 0
        for (h, w), (oh, ow) in [
            ((64, 13), (7, 100)),
            ((13, 64), (100, 7)),
            ((64, 64), (31, 100)),
            ((5, 64), (100, 31)),
        ]:
            pil = Image.fromarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8))
            width_first = np.asarray(pil.resize((ow, h), filter_).resize((ow, oh), filter_)).astype(int)
            height_first = np.asarray(pil.resize((w, oh), filter_).resize((ow, oh), filter_)).astype(int)
            worst = max(worst, np.abs(width_first - height_first).max())
        gaps[name] = worst
    assert 1 <= gaps["BILINEAR"] < gaps["BICUBIC"]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("mode", [IM.BILINEAR, IM.BICUBIC])
@pytest.mark.parametrize("h,w", [(8, 8), (5, 9), (2, 2)])
def test_at_an_unchanged_size_resize_is_not_f_interpolate_on_inf(dtype, mode, h, w):
    # "each setting is exactly one F.interpolate call" only where the size changes.
    x = torch.zeros(3, h, w, dtype=dtype)
    x[:, h // 2, w // 2] = float("inf")
    called = F.interpolate(x[None], size=(h, w), **{**CALLS[mode], "antialias": False})[0]
    assert F2.resize(x, [h, w], mode, antialias=False) is x
    assert called.isnan().any()
    bad = called.isnan()[0]
    if mode is IM.BILINEAR:
        assert bad.sum() == 1 and bad[h // 2, w // 2]
    else:
        rows, cols = bad.nonzero().T
        assert bad.sum() > 1 and (rows - h // 2).abs().max() <= 2 and (cols - w // 2).abs().max() <= 2


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16, torch.float32, torch.float64])
@pytest.mark.parametrize("channels_last", [False, True])
def test_at_an_unchanged_size_cpu_bicubic_turns_an_inf_on_the_edge_into_nan(dtype, channels_last):
    # Review 72: the page said only that bicubic spreads NaN around an inf; its clamped taps read an inf on the
    # edge again with weight 0, so that inf turns into NaN itself, while an interior one stays inf.
    for h, w in itertools.product(range(1, 7), repeat=2):
        for r, c in itertools.product(range(h), range(w)):
            x = torch.zeros(1, 3, h, w, dtype=dtype)
            x = x.clone(memory_format=torch.channels_last) if channels_last else x
            x[..., r, c] = float("-inf") if (r + c) % 2 else float("inf")
            out = F.interpolate(x, size=(h, w), mode="bicubic", align_corners=False)[0]
            edge = r in (0, h - 1) or c in (0, w - 1)
            assert out[:, r, c].isnan().all() if edge else torch.equal(out[:, r, c], x[0, :, r, c])
            around = out.isnan()
            around[:, r, c] = False
            assert around.any() == (h * w > 1)


@pytest.mark.skipif(not AVX, reason="without AVX2 every uint8 channel count has the bug")
@pytest.mark.parametrize("channels", [1, 3, 4, 5, 8])
def test_width_one_uint8_v2_is_right_only_up_to_4_channels(channels):
    x = (torch.arange(4) * 60).view(1, 4, 1).expand(channels, 4, 3).to(torch.uint8).contiguous()
    column = F2.resize(x, [3, 1])[0, :, 0].tolist()
    assert (column == [18, 90, 162]) == (channels <= 4)


def test_nearest_exact_parts_from_pil_off_exact_ties_on_long_rows():
    n, m = 13623, 14781
    row = torch.arange(n, dtype=torch.float32).view(1, 1, n)
    ours = F2.resize(row, [1, m], IM.NEAREST_EXACT)[0, 0].numpy()
    pil = np.asarray(F2.resize(Image.fromarray(row[0].numpy(), mode="F"), [1, m], IM.NEAREST_EXACT))[0]
    differ = np.nonzero(ours != pil)[0]
    assert len(differ) == 4 and not np.any((2 * differ + 1) * n % (2 * m) == 0)


@pytest.mark.parametrize(
    ("machine", "capability", "native"),
    [
        ("x86_64", "AVX2", True),
        ("x86_64", "AVX512", True),
        ("x86_64", "DEFAULT", False),
        ("aarch64", "DEFAULT", True),
        ("arm64", "DEFAULT", True),
        ("armv7l", "DEFAULT", False),
        ("ARM64", "DEFAULT", False),  # review 19: Windows on ARM's name for 64-bit ARM does not count
    ],
)
def test_uint8_bilinear_kernel_choice_names_64_bit_arm_only(monkeypatch, machine, capability, native):
    # The page says v2 takes torch's uint8 bilinear kernel on AVX2, AVX512 or 64-bit ARM CPUs:
    # a 32-bit ARM machine name does not qualify.
    geometry = __import__("torchvision.transforms.v2.functional._geometry", fromlist=["_"])
    monkeypatch.setattr(geometry.platform, "machine", lambda: machine)
    monkeypatch.setattr(torch.backends.cpu, "get_cpu_capability", lambda: capability)
    assert geometry._do_native_uint8_resize_on_cpu(IM.BILINEAR) is native
    assert geometry._do_native_uint8_resize_on_cpu(IM.BICUBIC) is True


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 40),
    st.integers(1, 64),
    st.integers(1, 20),
    st.integers(1, 80),
    st.sampled_from([1, 3]),
    st.sampled_from([IM.BILINEAR, IM.BICUBIC]),
)
def test_pillow_never_goes_height_first_only_when_the_height_grows(h, w, grow, ow, channels, mode):
    array = image(channels, h, w).permute(1, 2, 0).numpy()
    pil = Image.fromarray(array[..., 0] if channels == 1 else array)
    assert pil_order(pil, h + grow, ow, mode) in ("w", "either")


def test_pillow_can_equal_both_orders_when_the_height_grows():
    # So "never equals the height-first order where the height grows" needs "where the orders differ".
    pil = Image.fromarray(image(1, 2, 50)[0].numpy())
    assert pil_order(pil, 3, 1, IM.BILINEAR) == "either"


@pytest.mark.parametrize("channels", [2, 3, 5])
def test_batched_channels_last_view_to_width_one_is_not_the_plain_call(channels):
    # An HWC array permuted and given a batch by indexing: stride[0] is C, not numel, so
    # torchvision re-strides it; the plain F.interpolate call hits the width-one bug.
    x = torch.rand(9, 7, channels, generator=torch.Generator().manual_seed(0)).permute(2, 0, 1)[None]
    plain = F.interpolate(x, size=(4, 1), mode="bilinear", align_corners=False, antialias=True)
    resized = F2.resize(x, [4, 1])
    assert not torch.equal(resized, plain)
    assert (plain == plain[..., :1, :]).all() and not (resized == resized[..., :1, :]).all()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="the CUDA bicubic kernel")
def test_at_an_unchanged_size_cuda_bicubic_copies_inf():
    # The page says NaN spreads only on the CPU: CUDA's bicubic kernel copies at an unchanged size.
    x = torch.zeros(1, 3, 8, 8, device="cuda")
    x[..., 4, 4] = float("inf")
    assert torch.equal(F.interpolate(x, size=(8, 8), mode="bicubic", align_corners=False), x)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("mode", [IM.BILINEAR, IM.BICUBIC, IM.LANCZOS])
@pytest.mark.parametrize("channels_last", [False, True])
def test_at_an_unchanged_size_cpu_antialias_copies_inf(dtype, mode, channels_last):
    # The page: with antialias the CPU copies the input at an unchanged size (its separable kernel skips a kept
    # axis), so an inf anywhere, even beside or on the border, comes back as it is.
    for (h, w), (r, c) in itertools.product([(8, 8), (5, 9), (2, 2), (1, 6)], [(0, 0), (1, 1), (-1, -1)]):
        x = torch.rand(1, 3, h, w, dtype=dtype, generator=torch.Generator().manual_seed(h * w))
        x[..., min(r, h - 1), min(c, w - 1)] = float("inf")
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        assert torch.equal(F.interpolate(x, size=(h, w), **CALLS[mode]), x), (h, w, r, c)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="the CUDA antialiased kernel")
@pytest.mark.parametrize("mode", [IM.BILINEAR, IM.BICUBIC])
def test_at_an_unchanged_size_cuda_antialias_reads_zero_weight_neighbours_of_inf(mode):
    # The page: CUDA's antialiased kernel never copies; an inf at (r, c) of 8x8 turns the pixels whose
    # zero-weight taps reach it into NaN: rows/columns r-1..r (bilinear) or r-2..r+1 (bicubic), all but itself,
    # clipped to the image. Review 62: the bilinear "three pixels" are one on the top or left edge, none in the corner.
    before, after = (1, 0) if mode is IM.BILINEAR else (2, 1)
    for r, c in itertools.product([0, 1, 4, 7], [0, 1, 4, 7]):
        x = torch.zeros(1, 3, 8, 8, device="cuda")
        x[..., r, c] = float("inf")
        out = F.interpolate(x, size=(8, 8), **CALLS[mode]).cpu()
        reach = torch.zeros(8, 8, dtype=torch.bool)
        reach[max(r - before, 0) : r + after + 1, max(c - before, 0) : c + after + 1] = True
        reach[r, c] = False
        assert torch.equal(out.isnan()[0, 0], reach), (r, c)
        assert out[0, 0, r, c].item() == float("inf")


@pytest.mark.parametrize("channels", [2, 3, 4])
def test_width_one_hwc_array_permuted_escapes_only_through_v2(channels):
    """Review 14: 'a channels_last RGB tensor escapes it' held for a channels_last copy and for v2,
    which re-strides an HWC array permuted to CHW; the old API hands that view on as it is (its
    uint8 road too, the float32 cast keeps the strides) and meets the one-pixel-wide bug."""

    def right(
        t,
    ):  # the width pass, then the height pass on the transposed map: no width-one output with a height change
        t = t.double().contiguous()
        a = F.interpolate(t, size=(t.shape[-2], 1), mode="bilinear", antialias=True)
        return F.interpolate(a.transpose(-1, -2).contiguous(), size=(1, oh), mode="bilinear", antialias=True).transpose(
            -1, -2
        )

    generator = torch.Generator().manual_seed(14)
    for h, w, oh in ((2, 2, 3), (6, 2, 3), (12, 10, 5), (9, 1, 4), (7, 5, 11)):
        hwc = torch.randint(0, 256, (h, w, channels), generator=generator, dtype=torch.uint8)
        for image_chw in (hwc.permute(2, 0, 1), hwc.permute(2, 0, 1)[None]):
            reference = right(image_chw.reshape(-1, channels, h, w)).reshape(*image_chw.shape[:-2], oh, 1)
            as_float = image_chw.float()
            assert (F2.resize(as_float, [oh, 1]).double() - reference).abs().max() < 1e-3, (h, w, oh)
            assert (F1.resize(as_float, [oh, 1]).double() - reference).abs().max() > 1, (h, w, oh)
            assert (F1.resize(image_chw, [oh, 1]).double() - reference).abs().max() > 1, (h, w, oh)
            # the same pixels as a real channels_last copy escape through both
            copy = (
                image_chw.reshape(-1, channels, h, w).float().contiguous().contiguous(memory_format=torch.channels_last)
            )
            assert (F1.resize(copy, [oh, 1]).double() - reference.reshape(-1, channels, oh, 1)).abs().max() < 1e-3


@pytest.mark.parametrize("mode", [IM.BILINEAR, IM.BICUBIC])
def test_width_one_uint8_through_the_old_api_escapes_as_a_channels_last_copy_of_two_channels_or_more(mode):
    """Review r128-4: 'A uint8 tensor through the old API meets it, since that road goes through float32' named every
    uint8 tensor; the float32 cast keeps the strides, so a channels_last copy of 2..8 channels (batch of 1 or 2) is
    right through F1.resize and T1.Resize, on any CPU capability (the old API never takes the uint8 kernel); one
    channel made channels_last is still contiguous and meets the bug, as does every contiguous uint8 tensor."""
    assert_pages_say(
        (
            "torchvision-resize.md",
            "A uint8 tensor through the old API** meets it as a float tensor does, since that road goes through float32;"
            " the cast keeps the strides, so a `channels_last` copy of two channels or more escapes it here too",
        ),
        ("torchvision-resize.zh.md", "转换时保留步长，所以两个及以上通道的 `channels_last` 副本在这里也不受影响"),
    )
    call = dict(mode=mode.value, align_corners=False, antialias=True)
    generator = torch.Generator().manual_seed(128)
    for channels, batch, (h, w, oh) in itertools.product(
        range(1, 9), (1, 2), ((2, 2, 3), (7, 5, 6), (12, 10, 5), (9, 1, 4), (3, 8, 11))
    ):
        x = torch.randint(0, 256, (batch, channels, h, w), generator=generator, dtype=torch.uint8)
        # the width pass, then the height pass on the transposed map: no width-one output with a height change
        wide = F.interpolate(x.double(), size=(h, 1), **call)
        right = F.interpolate(wide.mT.contiguous(), size=(1, oh), **call).mT.round().clamp(0, 255)
        copy = x.contiguous(memory_format=torch.channels_last)
        for resize in (lambda t: F1.resize(t, [oh, 1], mode), T1.Resize((oh, 1), mode)):
            contiguous_gap = (resize(x).double() - right).abs().max().item()
            copy_gap = (resize(copy).double() - right).abs().max().item()
            assert contiguous_gap > 1, (channels, batch, h, w, oh)
            if channels == 1:
                assert copy.is_contiguous() and copy_gap > 1, (batch, h, w, oh)
            else:
                assert copy_gap <= 1, (channels, batch, h, w, oh)


@pytest.mark.parametrize("mode", [IM.BILINEAR, IM.BICUBIC, IM.LANCZOS])
def test_a_column_crop_of_a_channels_last_batch_of_one_to_width_one_is_not_the_plain_call(mode):
    # Review 16: v2's reshape gives the crop a batch stride of C, so resize takes the contiguous kernel
    call = dict(mode=mode.value, align_corners=False, antialias=True)
    for channels, oh in itertools.product((2, 3, 4, 8), (2, 4, 12)):
        image = torch.rand(1, channels, 9, 8, generator=torch.Generator().manual_seed(channels))
        x = image.contiguous(memory_format=torch.channels_last)[..., 2:6]
        hwc = image[0].permute(1, 2, 0)[:, 2:6].permute(2, 0, 1)  # a column crop of an HWC array, as CHW
        right = F.interpolate(x.contiguous().mT, size=(1, oh), **call).mT  # one pixel high: no bug
        ours, plain = F2.resize(x, [oh, 1], mode), F.interpolate(x, size=(oh, 1), **call)
        assert torch.allclose(plain, right, atol=1e-5) and not torch.allclose(ours, right, atol=1e-3)
        assert not torch.allclose(F2.resize(hwc, [oh, 1], mode), right[0], atol=1e-3), (channels, oh)
        if mode is not IM.LANCZOS:  # the old API: the channels_last column crop escapes
            assert torch.allclose(F1.resize(x, [oh, 1], mode), right, atol=1e-5)


def test_a_column_crop_of_a_channels_last_batch_of_two_escapes_the_width_one_bug_through_both_apis():
    # Review 16: only a single image or a batch of one loses its batch stride in v2's reshape
    x = torch.rand(2, 3, 6, 8, generator=torch.Generator().manual_seed(0)).contiguous(memory_format=torch.channels_last)
    x = x[..., 2:6]
    right = F.interpolate(x.contiguous().mT, size=(1, 9), mode="bilinear", antialias=True).mT
    for resize in (F1.resize, F2.resize):
        assert torch.allclose(resize(x, [9, 1]), right, atol=1e-5)


_DEFAULT_CAPABILITY_CODE = """
import torch, torch.nn.functional as F
import torchvision.transforms.v2.functional as F2
generator = torch.Generator().manual_seed(0)
results = [torch.backends.cpu.get_cpu_capability()]
for h, w, oh, ow in [(37, 50, 20, 23), (9, 7, 5, 1), (6, 4, 8, 1)]:
    x = torch.randint(0, 256, (3, h, w), dtype=torch.uint8, generator=generator)
    v2 = F2.resize(x, [oh, ow])
    road = F.interpolate(x[None].float(), size=(oh, ow), mode="bilinear", antialias=True)[0].round().to(torch.uint8)
    native = F.interpolate(x[None], size=(oh, ow), mode="bilinear", antialias=True)[0]
    results.append((torch.equal(v2, road), torch.equal(v2, native), bool((v2 == v2[:, :1]).all()) if ow == 1 else None))
print(results)
"""


def test_uint8_bilinear_road_follows_torchs_capability_not_the_cpus_flags():
    # review 18: the page said "when the CPU has AVX2"; an AVX2 CPU under ATEN_CPU_CAPABILITY=default
    # sends v2's uint8 bilinear through float32, and an RGB image then meets the width-one bug.
    capability, shrink, *width_one = eval(run_python(_DEFAULT_CAPABILITY_CODE, ATEN_CPU_CAPABILITY="default"))
    assert capability == "DEFAULT"
    assert shrink == (True, False, None)
    assert [(road, repeated) for road, _, repeated in width_one] == [(True, True)] * 2


def test_same_size_tv_tensor_comes_back_in_a_new_wrapper_around_the_same_memory():
    # review 18: "returns its input" holds as the same object for plain tensors and PIL images only
    from torchvision import tv_tensors

    img = tv_tensors.Image(image(3, 5, 7))
    out = T2.Resize((5, 7))(img)
    assert out is not img and type(out) is tv_tensors.Image and out.data_ptr() == img.data_ptr()
    out.add_(1)
    assert torch.equal(out, img)
    pil = Image.new("RGB", (7, 5))
    assert F1.resize(pil, [5, 7]) is pil and F2.resize(pil, [5, 7]) is pil


def test_uint8_kernel_against_width_first_pillow_can_differ_on_more_than_1_percent_off_the_grid():
    # review 20: "differs on under 1% of the channel values" holds on the page's grid, not on 300x200 -> 450x350
    if torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"):
        pytest.skip("the page describes the AVX2/AVX512 uint8 kernel")
    for seed in range(3):
        x = np.random.default_rng(seed).integers(0, 256, (300, 200, 3), dtype=np.uint8)
        pil = Image.fromarray(x)
        one_call = np.asarray(pil.resize((350, 450), Image.Resampling.BILINEAR)).astype(int)
        width_first = pil.resize((350, 300), Image.Resampling.BILINEAR).resize((350, 450), Image.Resampling.BILINEAR)
        assert np.array_equal(one_call, np.asarray(width_first))
        ours = F2.resize(torch.from_numpy(x).permute(2, 0, 1), [450, 350], IM.BILINEAR).permute(1, 2, 0).numpy()
        difference = np.abs(ours.astype(int) - one_call)
        assert difference.max() <= 2
        assert 0.03 < (difference > 0).mean() < 0.05


@pytest.mark.parametrize(("channels", "pil_mode"), [(4, "RGBA"), (2, "LA")])
def test_pillow_premultiplies_rgba_and_la_for_every_filter_but_nearest(channels, pil_mode):
    # review 20: "Pillow weights colours by alpha when it resizes RGBA" does not hold for NEAREST.
    # Review 63: a 2-channel tensor becomes an LA image, which Pillow weights by its alpha too.
    image = np.zeros((4, 4, channels), dtype=np.uint8)
    image[..., :-1] = 200  # a colour under alpha 0 everywhere but one pixel
    image[0, 0, -1] = 255
    pil = F1.to_pil_image(torch.from_numpy(image).permute(2, 0, 1))
    assert pil.mode == pil_mode
    nearest = np.asarray(pil.resize((8, 8), Image.Resampling.NEAREST))
    assert (nearest[..., :-1] == 200).all()
    for resample in (Image.Resampling.BOX, Image.Resampling.BILINEAR, Image.Resampling.BICUBIC):
        weighted = np.asarray(pil.resize((8, 8), resample))
        assert (weighted[..., :-1][weighted[..., -1] == 0] == 0).all()
    for mode in (IM.BILINEAR, IM.BICUBIC):  # a tensor keeps the colour under alpha 0
        assert (F2.resize(torch.from_numpy(image).permute(2, 0, 1), [8, 8], mode)[:-1] == 200).all()
    # Review 120: the rgba cell's comment said so of every resize of RGBA; it names the filter it shows
    example = " ".join((Path(__file__).parents[2] / "examples" / "torchvision_resize.py").read_text().split())
    assert "and Pillow's BILINEAR weights colours by their" in example


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_leading_channel_slice_of_channels_last_batch_is_a_third_exception(mode):
    """Review 21: the page named two exceptions to 'one F.interpolate call'; x[:, :k] of a channels_last
    batch of one is a third: reshape gives it batch stride k, so v2 takes the buggy contiguous kernel."""
    for c, k, h, w, oh in itertools.product((3, 4, 5, 8), (2, 3, 4), (2, 5, 9), (1, 3, 7), (2, 4, 12)):
        if k >= c or h == oh:
            continue
        full = torch.rand(1, c, h, w, generator=torch.Generator().manual_seed(h * c + w))
        x = full.contiguous(memory_format=torch.channels_last)[:, :k]
        right = F.interpolate(x.transpose(-1, -2).contiguous(), size=(1, oh), mode=mode, antialias=True)
        plain = F.interpolate(x, size=(oh, 1), mode=mode, antialias=True)
        resized = F2.resize(x, [oh, 1], interpolation=IM(mode), antialias=True)
        assert torch.allclose(plain, right.transpose(-1, -2), atol=1e-5), (c, k, h, w, oh)
        assert not torch.allclose(resized, right.transpose(-1, -2), atol=1e-5), (c, k, h, w, oh)
        # the single image: a leading-channel slice of an HWC array permuted to CHW has it through v2 too
        single = F2.resize(full[0].permute(1, 2, 0).contiguous().permute(2, 0, 1)[:k], [oh, 1], interpolation=IM(mode))
        assert not torch.allclose(single, right[0].transpose(-1, -2), atol=1e-5), (c, k, h, w, oh)


@pytest.mark.parametrize("dtype", [torch.uint8, torch.float32])
def test_v2_lanczos_without_antialias_raises_even_at_an_unchanged_size(dtype):
    # Review 22: "at an unchanged size both return the input" holds for the default calls; v2 checks
    # LANCZOS against antialias=False before it compares the sizes. Review 108: so the same-size section's "resize
    # returns its input" now names the default BILINEAR; antialias=None (False for tensors) raises as well.
    img = image(3, 9, 7).to(dtype)
    assert F2.resize(img, [9, 7], IM.LANCZOS) is img
    for size, antialias in itertools.product(([9, 7], [9, 8]), (False, None)):
        with pytest.raises(ValueError, match="antialias"):
            F2.resize(img, size, IM.LANCZOS, antialias=antialias)
    # Review r117-4: a PIL image given LANCZOS and antialias=False only warns (Pillow always antialiases) and resizes
    pil = F2.to_pil_image(image(3, 9, 7).to(torch.uint8))
    with pytest.warns(UserWarning, match="Anti-alias option is always applied for PIL Image input"):
        assert F2.resize(pil, [4, 3], IM.LANCZOS, antialias=False).size == (3, 4)
    assert_pages_say(
        ("torchvision-resize.md", "while v2 given a tensor and `antialias=False` raises at any size)"),
        ("torchvision-resize.zh.md", "而给 v2 传张量和 `antialias=False` 时，不论尺寸变不变都会报错）"),
    )


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_any_channel_subset_of_a_channels_last_batch_of_one_is_not_the_plain_call(mode):
    """Review 24: the page named a slice of the *leading* channels; x[:, 1:] and x[:, ::2] of a
    channels_last batch of one get a batch stride of (channel count x channel stride) from v2's
    reshape too, so v2 meets the width-one bug where the plain call, whose strides pass the
    channels-last test, is right; so does the single image through v2."""
    subsets = {4: (slice(1, None), slice(None, None, 2), slice(1, None, 2)), 6: (slice(1, 5), slice(None, None, 3))}
    for (c, picks), h, w, oh in itertools.product(subsets.items(), (2, 5, 9), (1, 3, 7), (2, 4, 12)):
        if h == oh:
            continue
        full = torch.rand(1, c, h, w, generator=torch.Generator().manual_seed(h * c + w))
        for pick in picks:
            x = full.contiguous(memory_format=torch.channels_last)[:, pick]
            right = F.interpolate(x.transpose(-1, -2).contiguous(), size=(1, oh), mode=mode, antialias=True)
            right = right.transpose(-1, -2)
            plain = F.interpolate(x, size=(oh, 1), mode=mode, antialias=True)
            resized = F2.resize(x, [oh, 1], interpolation=IM(mode), antialias=True)
            assert x.reshape(-1, *x.shape[1:]).stride(0) == x.shape[1] * x.stride(1)
            assert torch.allclose(plain, right, atol=1e-5), (c, pick, h, w, oh)
            assert not torch.allclose(resized, right, atol=1e-5), (c, pick, h, w, oh)
            single = F2.resize(x[0], [oh, 1], interpolation=IM(mode), antialias=True)
            assert not torch.allclose(single, right[0], atol=1e-5), (c, pick, h, w, oh)


def test_float_antialias_matches_pillow_f_mode_only_well_inside_float32_range():
    # Review 28: "against Pillow's 32-bit float images they agree to float rounding" failed near float32's largest
    # value: torch's bicubic partial sums overshoot to inf, Pillow adds in double and returns the constant.
    row = np.full((1, 2), 3.3e38, np.float32)
    ours = F.interpolate(torch.from_numpy(row)[None, None], size=(1, 3), mode="bicubic", antialias=True)
    assert torch.isinf(ours).any()
    theirs = np.asarray(Image.fromarray(row, mode="F").resize((3, 1), Image.BICUBIC))
    assert np.array_equal(theirs, np.full((1, 3), 3.3e38, np.float32))


def test_nearest_exact_on_long_rows_parts_from_pil_at_3_outputs_for_float64():
    # Review 28: "13623 -> 14781 parts at 4 outputs" held for uint8 and float32 tensors; a float64 tensor rounds
    # its double position to float32 and parts at 3, none of them an exact tie.
    n, m = 13623, 14781
    pil = np.asarray(
        F2.resize(Image.fromarray(np.arange(n, dtype=np.float32)[None], mode="F"), [1, m], IM.NEAREST_EXACT)
    )[0]
    counts = {}
    for dtype in (torch.uint8, torch.float32, torch.float64):
        row = torch.arange(n).remainder(256 if dtype == torch.uint8 else n).to(dtype).view(1, 1, n)
        ours = F2.resize(row, [1, m], IM.NEAREST_EXACT)[0, 0].numpy().astype(np.int64)
        differ = np.nonzero(ours != pil.astype(np.int64) % (256 if dtype == torch.uint8 else n))[0]
        assert not np.any((2 * differ + 1) * n % (2 * m) == 0)
        counts[dtype] = len(differ)
    assert counts == {torch.uint8: 4, torch.float32: 4, torch.float64: 3}
    d = np.arange(m)
    model = np.minimum(np.floor(((d + 0.5) * (n / m)).astype(np.float32)), n - 1)
    ours = F2.resize(torch.arange(n, dtype=torch.float64).view(1, 1, n), [1, m], IM.NEAREST_EXACT)[0, 0].numpy()
    assert np.array_equal(ours, model)


@pytest.mark.skipif(int(Image.__version__.split(".")[0]) < 13, reason="the rule of Pillow 13 (PR #9549)")
@pytest.mark.parametrize(
    ("shape", "size", "height_first"), [((1000, 100), (800, 50), True), ((100, 1000), (50, 800), False)]
)
def test_pillow_13_vertical_pass_first_counts_pixels_not_factors(shape, size, height_first):
    # Review 29: the page said "when the height is scaled down much more than the width"; 1000x100 -> 800x50 scales the
    # width down more (x0.5 vs x0.8) and still goes height first, since 200 > 2 * 50; the reverse shape goes width first.
    (h0, w0), (h, w) = shape, size
    image = Image.fromarray(np.random.default_rng(0).integers(0, 256, shape, dtype=np.uint8))
    single = np.asarray(image.resize((w, h), Image.Resampling.BICUBIC))
    height_then_width = np.asarray(
        image.resize((w0, h), Image.Resampling.BICUBIC).resize((w, h), Image.Resampling.BICUBIC)
    )
    width_then_height = np.asarray(
        image.resize((w, h0), Image.Resampling.BICUBIC).resize((w, h), Image.Resampling.BICUBIC)
    )
    assert not np.array_equal(height_then_width, width_then_height)
    assert np.array_equal(single, height_then_width if height_first else width_then_height)


@pytest.mark.parametrize("mode", [IM.BILINEAR, IM.BICUBIC])
def test_v2_to_width_one_is_right_exactly_on_channels_last_contiguous_views_of_a_batch_of_one(mode):
    """Review 30: the page listed column crops and channel subsets as the views of a channels_last
    batch of one that v2 gets wrong and the plain call gets right; a step over the rows
    (x[:, :, 1::2] of 7 rows) or the columns is one too. v2 is right exactly where the view is
    channels_last-contiguous; the plain call where it has two channels or more and its strides pass
    torch's channels-last test."""
    call = dict(mode=mode.value, align_corners=False, antialias=True)
    row_step_parts = 0
    for c, h, w, oh in itertools.product((2, 3, 4, 6), (5, 7, 9), (4, 6), (2, 3)):
        full = torch.rand(1, c, h, w, generator=torch.Generator().manual_seed(c * h + w))
        cl = full.clone(memory_format=torch.channels_last)
        views = (
            cl,
            cl[:, :, 1:],
            cl[:, :, 1::2],
            cl[:, :, ::2],
            cl[..., ::2],
            cl[..., 1:],
            cl[:, :, 1:, 1:],
            cl[:, 1:],
        )
        for x in views:
            if x.shape[2] == oh:
                continue
            n, ch, rows, cols = x.shape
            strides_pass = ch > 1 and x.stride(3) >= x.stride(1) * ch and x.stride(2) >= x.stride(3) * cols
            strides_pass = strides_pass and x.stride(0) >= x.stride(2) * rows
            right = F.interpolate(x.contiguous().mT, size=(1, oh), **call).mT
            v2_right = torch.allclose(F2.resize(x, [oh, 1], mode), right, atol=1e-5)
            plain_right = torch.allclose(F.interpolate(x, size=(oh, 1), **call), right, atol=1e-5)
            assert v2_right == x.is_contiguous(memory_format=torch.channels_last), (c, h, w, oh, x.stride())
            assert plain_right == strides_pass, (c, h, w, oh, x.stride())
            row_step_parts += x.stride(2) == 2 * cl.stride(2) and plain_right and not v2_right
    assert row_step_parts > 0


def test_a_one_channel_hwc_array_permuted_keeps_the_width_one_bug_through_v2():
    """Review 30: "an HWC array permuted to CHW escapes it through v2" needs two channels or more."""
    for h, w, oh in itertools.product((2, 5, 9), (1, 3, 6), (3, 4, 7)):
        if h == oh:
            continue
        for channels in (1, 2, 3):
            hwc = torch.rand(h, w, channels, generator=torch.Generator().manual_seed(h * w + oh))
            x = hwc.permute(2, 0, 1)
            right = F.interpolate(x[None].contiguous().mT, size=(1, oh), mode="bilinear", antialias=True).mT[0]
            assert torch.allclose(F2.resize(x, [oh, 1]), right, atol=1e-5) == (channels > 1), (h, w, oh, channels)


def test_channels_last_image_to_width_one_agrees_with_the_plain_call_from_or_to_one_row():
    """Review 30: the first exception ("resized to one pixel wide while its height changes") needs
    heights of at least 2 in and out: from or to a single row v2 and the plain x[None] call agree."""
    for h, w, oh, channels in itertools.product((1, 2, 5), (1, 3, 6), (1, 2, 4), (2, 3, 4)):
        if h == oh:
            continue
        x = torch.rand(h, w, channels, generator=torch.Generator().manual_seed(h * w + oh)).permute(2, 0, 1)
        same = torch.equal(
            F2.resize(x, [oh, 1]), F.interpolate(x[None], size=(oh, 1), mode="bilinear", antialias=True)[0]
        )
        assert same == (h == 1 or oh == 1), (h, w, oh, channels)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_images_are_not_the_one_f_interpolate_call(dtype):
    # Review 31: "for a float tensor whose size changes, each setting is exactly one F.interpolate call" held for
    # float32 and float64 only: v2 resizes float16/bfloat16 in float32, so bicubic differs from the half-precision
    # call, and the default bilinear with antialias=True has no half-precision CPU kernel to call at all.
    x = torch.rand(3, 37, 50, generator=torch.Generator().manual_seed(0)).to(dtype)
    ours = F2.resize(x, [20, 73], IM.BICUBIC, antialias=False)
    assert not torch.equal(ours, F.interpolate(x[None], size=(20, 73), mode="bicubic", align_corners=False)[0])
    assert torch.equal(
        ours, F.interpolate(x[None].float(), size=(20, 73), mode="bicubic", align_corners=False)[0].to(dtype)
    )
    assert F2.resize(x, [20, 73]).dtype == dtype
    with pytest.raises(RuntimeError, match="not implemented"):
        F.interpolate(x[None], size=(20, 73), mode="bilinear", antialias=True)


@pytest.mark.parametrize(
    ("channels", "channels_last", "count"), [(3, False, 3), (4, False, 3), (3, True, 3), (4, True, 4)]
)
def test_nearest_exact_on_long_rows_float64_parts_at_4_outputs_when_channels_last_with_4_channels(
    channels, channels_last, count
):
    # Review 31: "parts at 3 for a float64 one" missed float64 images of 4 channels or more stored channels_last:
    # torch's channels-last kernel computes the position in float32 and parts at 4, as a float32 tensor does.
    n, m = 13623, 14781
    pil = np.asarray(
        F2.resize(Image.fromarray(np.arange(n, dtype=np.float32)[None], mode="F"), [1, m], IM.NEAREST_EXACT)
    )[0]
    x = torch.arange(n, dtype=torch.float64).view(1, 1, n).expand(channels, 1, n)
    x = x.permute(1, 2, 0).contiguous().permute(2, 0, 1) if channels_last else x.contiguous()
    ours = F2.resize(x, [1, m], IM.NEAREST_EXACT)
    differ = np.nonzero(ours[-1, 0].numpy() != pil)[0]
    assert len(differ) == count and not np.any((2 * differ + 1) * n % (2 * m) == 0)


def test_the_1_11_antialias_history_names_only_bilinear_and_bicubic():
    # Review 34: "torch's antialiased kernels (added in 1.11 ...: PR #65142)" covered lanczos too, which came years
    # later (PR #177320) as its own kernel; #65142 added bilinear only (#68819 bicubic).
    from pathlib import Path

    assert hasattr(torch.ops.aten, "_upsample_lanczos2d_aa")
    docs = Path(__file__).resolve().parents[2] / "docs"
    for name in ("torchvision-resize.md", "torchvision-resize.zh.md"):
        page = (docs / name).read_text(encoding="utf-8")
        assert "antialiased kernels (added in 1.11" not in page and "抗混叠内核（1.11 加入" not in page
        assert "pull/68819" in page and "pull/177320" in page


@settings(max_examples=40, deadline=None)
@given(shape_pairs, st.sampled_from([torch.float16, torch.bfloat16]))
def test_half_precision_nearest_modes_are_still_the_one_f_interpolate_call(shape, dtype):
    # Review 34: "float16 and bfloat16 images ... are not that call" held for the interpolating modes only:
    # nearest and nearest-exact copy pixels, so the float32 round trip gives the half-precision call's result.
    h, w, oh, ow = shape
    x = torch.randn(3, h, w, generator=torch.Generator().manual_seed(h * w + oh * ow)).to(dtype)
    for mode, name in ((IM.NEAREST, "nearest"), (IM.NEAREST_EXACT, "nearest-exact")):
        assert torch.equal(F2.resize(x, [oh, ow], mode), F.interpolate(x[None], size=(oh, ow), mode=name)[0])


@pytest.mark.parametrize("capability", [None, "avx2", "default"])
def test_half_precision_nearest_modes_can_change_the_bits_of_a_nan(capability):
    # Review 65: "NEAREST and NEAREST_EXACT ... still give that call's result bit for bit" held for numbers only:
    # the float32 round trip quiets a float16 signalling NaN and rewrites a bfloat16 one, whatever the CPU kernels.
    # Rounds 66-70 found each finer rule about which NaNs keep their bits one case too narrow (quiet bfloat16 NaNs,
    # the scalar tail of the float16 cast, thread shares, views): the page now says only that the bits can change.
    # Review 71: the page names what can change (sign, payload, quiet bit); each must change somewhere in both types.
    code = """
import torch, torch.nn.functional as F, torchvision.transforms.v2.functional as F2
from torchvision.transforms import InterpolationMode as IM
changed, numbers_equal, still_nan = {}, True, True
for dtype, quiet_bit, nans in (
    (torch.float16, 0x200, (0x7C01, 0xFC01, 0x7E00, 0xFE05)),
    (torch.bfloat16, 0x40, (0x7F81, 0xFF81, 0x7FC0, 0xFFC5)),
):
    aspects = changed.setdefault(str(dtype), set())
    for bits in nans:
        for shape, size in (((3, 4, 5), (8, 10)), ((2, 1, 9, 7), (9, 14)), ((3, 64, 64), (64, 80))):
            x = torch.randn(shape, generator=torch.Generator().manual_seed(0)).to(dtype)
            x.view(torch.int16)[..., 0, 0] = bits - (1 << 16 if bits >> 15 else 0)
            x.view(torch.int16)[..., -1, -1] = bits - (1 << 16 if bits >> 15 else 0)
            for mode in (IM.NEAREST, IM.NEAREST_EXACT):
                ours = F2.resize(x, list(size), mode)
                call = F.interpolate(x.reshape(-1, *x.shape[-3:]), size=size, mode=mode.value).reshape(ours.shape)
                nan = call.isnan()
                still_nan &= bool(nan.any()) and torch.equal(ours.isnan(), nan)
                numbers_equal &= torch.equal(ours[~nan], call[~nan])
                for diff in ((ours.view(torch.int16) ^ call.view(torch.int16))[nan].int() & 0xFFFF).tolist():
                    aspects |= {a for a, m in (("sign", 0x8000), ("quiet", quiet_bit)) if diff & m}
                    aspects |= {"payload"} if diff & (quiet_bit - 1) else set()
print(sorted((k, sorted(v)) for k, v in changed.items()), still_nan, numbers_equal)
"""
    env = {} if capability is None else {"ATEN_CPU_CAPABILITY": capability}
    every = "['payload', 'quiet', 'sign']"
    want = f"[('torch.bfloat16', {every}), ('torch.float16', {every})] True True"
    assert run_python(code, **env).strip() == want


def test_half_precision_bicubic_differs_from_the_half_call_in_both_half_types():
    for dtype in (torch.float16, torch.bfloat16):
        x = torch.rand(3, 37, 50, generator=torch.Generator().manual_seed(0)).to(dtype)
        ours = F2.resize(x, [20, 73], IM.BICUBIC, antialias=False)
        assert not torch.equal(ours, F.interpolate(x[None], size=(20, 73), mode="bicubic", align_corners=False)[0])


def test_half_precision_bilinear_without_antialias_differs_from_the_half_call_only_on_some_sizes():
    # Review 34: the page says "not always that call": float16 bilinear without antialias matches at 37x50 -> 20x73
    # and parts from the half-precision call elsewhere.
    def same(h, w, oh, ow):
        x = torch.rand(3, h, w, generator=torch.Generator().manual_seed(h * w)).to(torch.float16)
        call = F.interpolate(x[None], size=(oh, ow), mode="bilinear", align_corners=False)[0]
        return torch.equal(F2.resize(x, [oh, ow], IM.BILINEAR, antialias=False), call)

    results = [same(h, w, oh, ow) for h, w, oh, ow in itertools.product((5, 17, 37), (7, 50), (3, 20, 41), (9, 73))]
    # Review 51: under ATEN_CPU_CAPABILITY=default the generic kernel matches on this whole grid (the page's "not
    # always that call" rests on bicubic there), so the parting is asserted for the vectorized code only.
    assert same(37, 50, 20, 73)
    assert all(results) == (torch.backends.cpu.get_cpu_capability() == "DEFAULT")


def test_half_precision_bicubic_gap_is_many_steps_of_a_pixel_near_0_and_can_flip_its_sign():
    # Review 38: the page said a float16/bfloat16 bicubic "differs in the last bits"; a pixel near 0 moves by many
    # of its own steps or flips sign.
    def spacing(v, dtype):
        return torch.exp2(torch.floor(torch.log2(v))) * torch.finfo(dtype).eps

    for dtype in (torch.float16, torch.bfloat16):
        own_steps, flips = 0.0, 0
        for seed, scale, shift in itertools.product(range(4), (1, 255), (0, -0.5)):
            x = torch.rand(3, 37, 50, generator=torch.Generator().manual_seed(seed)).add(shift).mul(scale).to(dtype)
            for size in ((20, 23), (93, 125), (11, 90)):
                ours = F2.resize(x, list(size), IM.BICUBIC, antialias=False).float()
                call = F.interpolate(x[None], size=size, mode="bicubic", align_corners=False)[0].float()
                gap = (ours - call).abs()
                own = gap / spacing(torch.maximum(ours.abs(), call.abs()).clamp_min(1e-30), dtype)
                own_steps, flips = max(own_steps, own.max().item()), flips + int((ours * call < 0).sum())
        # Review 49: the page said "hundreds of its own steps"; in float16 it passes a thousand on these images.
        assert own_steps > (1000 if dtype == torch.float16 else 100) and flips > 0, dtype


def test_half_precision_bicubic_gap_can_pass_one_step_of_the_largest_values():
    # Review 74: the page bounded the float16 gap by one rounding step of the result's largest values; on values
    # between 100 and 140 shrunk to 30x7 it reaches two.
    def spacing(v):
        return torch.exp2(torch.floor(torch.log2(v))) * torch.finfo(torch.float16).eps

    x = torch.randn(3, 34, 39, generator=torch.Generator().manual_seed(2)).abs().mul(10).add(100).half()
    ours = F2.resize(x, [30, 7], IM.BICUBIC, antialias=False).float()
    call = F.interpolate(x[None], size=(30, 7), mode="bicubic", align_corners=False)[0].float()
    assert (ours - call).abs().max() == 2 * spacing(torch.maximum(ours.abs().max(), call.abs().max()))


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_f_interpolate_refuses_half_precision_antialias_only_where_the_size_changes(dtype):
    # Review 43: "F.interpolate refuses float16 and bfloat16 with antialias=True" held only where the size
    # changes: at an unchanged size the CPU's separable kernel copies its input before it computes any weight.
    for shape, mode in itertools.product(
        [(1, 3, 10, 10), (2, 1, 1, 7), (1, 4, 9, 1), (0, 3, 5, 6)], ("bilinear", "bicubic", "lanczos")
    ):
        x = torch.rand(shape).to(dtype)
        h, w = shape[-2:]
        for size in {(h, w), (h + 1, w), (h, max(w - 1, 1) if w > 1 else 2), (1, 1), (2 * h, 3)}:
            if size == (h, w):
                assert torch.equal(F.interpolate(x, size=size, mode=mode, antialias=True), x), (shape, mode)
            else:
                with pytest.raises(RuntimeError, match="not implemented"):
                    F.interpolate(x, size=size, mode=mode, antialias=True)
    # Review 109: the CUDA kernel dispatches float16 and bfloat16 with antialias (AT_DISPATCH_FLOATING_TYPES_AND2 in
    # UpSampleBilinear2d.cu), so the refusal is the CPU's; the zh sentence had split it off "在 CPU 上" with a "；".
    assert_pages_say(
        ("torchvision-resize.md", "(on the CPU, a float16 or bfloat16 `bicubic` differs"),
        ("torchvision-resize.zh.md", "（在 CPU 上：float16 或 bfloat16 的 `bicubic`"),
    )


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_v1_meets_the_width_one_bug_only_where_the_height_changes_from_and_to_two_rows_or_more(mode):
    # Review 44: "[v1 and v2 differ] at an output one pixel wide, where v1 meets the bug above" dropped the bug's
    # conditions: v1 is right at an unchanged height (7x9 -> 7x1) and at one row (7x9 -> 1x1); wrong at 7x9 -> 5x1.
    u8 = torch.randint(0, 256, (3, 7, 9), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))

    def right(oh):  # the same resize along the width of the transpose, which the bug spares
        t = F.interpolate(u8.float()[None].mT, size=(1, oh), mode=mode, antialias=True, align_corners=False)
        return t.mT[0].clamp(0, 255).round().to(torch.uint8)

    v1 = {oh: F1.resize(u8, [oh, 1], getattr(IM, mode.upper())) for oh in (7, 1, 5, 12)}
    assert levels(v1[7], right(7)) <= 1 and levels(v1[1], right(1)) <= 1
    assert levels(v1[5], right(5)) > 8 and levels(v1[12], right(12)) > 8


@pytest.mark.parametrize("shape", [(0, 3, 9, 9), (1, 0, 9, 9), (2, 0, 3, 9, 9)])
def test_v2_never_calls_interpolate_on_an_empty_tensor(shape):
    # Review 46: "A tensor passes the mode's name to F.interpolate, which ... raises" and "each setting is exactly
    # one F.interpolate call" held only for non-empty tensors: v2 skips F.interpolate when numel is 0, so BOX and
    # HAMMING do not raise there (v1 still does), and a 0-channel image comes back where F.interpolate raises.
    x = torch.empty(shape)
    for mode in (IM.BOX, IM.HAMMING):
        assert F2.resize(x, [4, 5], mode).shape == (*shape[:-2], 4, 5)
        if x.ndim == 4:
            with pytest.raises(NotImplementedError):
                F1.resize(x, [4, 5], mode)
    if shape[-3] == 0:
        assert F2.resize(x, [4, 5]).shape == (*shape[:-2], 4, 5)
        with pytest.raises(RuntimeError):
            F.interpolate(x.reshape(-1, *shape[-3:]), size=(4, 5), mode="bilinear", antialias=True)


@pytest.mark.parametrize("shape", [(3, 0, 9), (3, 9, 0), (1, 3, 0, 0), (2, 1, 3, 9, 0)])
def test_v2_raises_on_an_image_of_zero_height_or_width_in_every_mode(shape):
    # Review 63: "nor does v2 for an empty tensor, so nothing raises there" held for an empty batch or zero channels;
    # with no rows or columns v2 skips F.interpolate too, then cannot reshape the empty result to the size asked for.
    for mode in IM:
        with pytest.raises(RuntimeError, match="is invalid for input of size 0"):
            F2.resize(torch.empty(shape), [4, 5], mode)


@pytest.mark.parametrize("shape", [(3, 0, 9), (3, 9, 0), (1, 3, 0, 0), (2, 1, 3, 9, 0)])
def test_v2_on_an_image_of_zero_height_or_width_raises_by_size_kind_and_returns_empty_for_a_size_with_a_zero(shape):
    # Review 65: "v2 given an image of zero height or width raises in every mode, from the reshape" held for a pair
    # with no zero: an int (Resize(224)) raises ZeroDivisionError before any reshape, and a pair with a 0 returns.
    x = torch.empty(shape)
    for mode, size in itertools.product(IM, (1, 5, 224, [7])):
        with pytest.raises(ZeroDivisionError):
            F2.resize(x, size, mode)
    for mode, (oh, ow) in itertools.product(IM, [(0, 7), (5, 0), (0, 0), (0, shape[-1]), (shape[-2], 0)]):
        assert F2.resize(x, [oh, ow], mode).shape == (*shape[:-2], oh, ow), (shape, mode, oh, ow)


@pytest.mark.parametrize(
    "shape", [(0, 0, 9), (0, 3, 0, 9), (2, 0, 9, 0), (0, 1, 3, 9, 0), (2, 0, 3, 0, 9), (2, 1, 0, 9, 0)]
)
def test_v2_returns_an_image_of_zero_height_or_width_empty_where_a_dimension_before_it_is_empty_too(shape):
    # Review 66: "v2 given an image of zero height or width raises ... for a pair (h, w) from the reshape" held only
    # where the batch and channels hold something: with no batch or no channels as well the reshape has 0 elements
    # to make on both sides and returns; an int still divides by the shorter edge of 0. Review 67: so does a T of 0
    # in (N, T, C, H, W), neither batch nor channels.
    x = torch.empty(shape)
    for mode in IM:
        assert F2.resize(x, [4, 5], mode).shape == (*shape[:-2], 4, 5), (shape, mode)
        with pytest.raises(ZeroDivisionError):
            F2.resize(x, 7, mode)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic", "lanczos"])
def test_float_kernels_part_from_pillow_f_images_by_more_than_rounding_at_width_one(mode):
    # Review 51: the float_vs_pil cell's comment said the antialiased float32 kernels "differ only by float
    # rounding" from Pillow's "F" images, with no domain; an output one pixel wide whose height changes (the CPU's
    # width-one bug) parts by tens of levels, so the comment now names the cell's size pairs.
    values = image(1, 7, 9)[0].float()
    pil = Image.fromarray(values.numpy(), mode="F").resize((1, 5), resample=F1.pil_modes_mapping[IM(mode)])
    ours = F.interpolate(values[None, None], size=(5, 1), mode=mode, antialias=True)[0, 0]
    assert (ours - torch.from_numpy(np.array(pil))).abs().max().item() > 10


@pytest.mark.skipif(not AVX, reason="up to 4 channels torch's AVX2 uint8 code escapes the bug")
@pytest.mark.parametrize("mode", [IM.BILINEAR, IM.BICUBIC])
def test_width_one_uint8_without_antialias_repeats_the_first_row_from_5_channels(mode):
    # Review 53: the page gave the width-one bug to the antialiased kernel; where v2 keeps a tensor uint8,
    # antialias=False does not avoid it: torch's uint8 kernel repeats the first row without antialias too.
    for channels, h, w, oh in itertools.product((1, 3, 4, 5, 8), (2, 5, 9), (1, 3, 7), (2, 4, 12)):
        if h == oh:
            continue
        x = image(channels, h, w, seed=h * w + oh)
        x[:, 0], x[:, -1] = 0, 255  # a repeated first row is then wrong
        out = F2.resize(x, [oh, 1], mode, antialias=False)
        assert bool((out == out[:, :1]).all()) == (channels >= 5), (channels, h, w, oh)
        if channels > 1:  # an HWC array permuted to CHW: channels_last, which escapes
            cl = F2.resize(x.permute(1, 2, 0).contiguous().permute(2, 0, 1), [oh, 1], mode, antialias=False)
            assert not (cl == cl[:, :1]).all() and torch.equal(cl, out) == (channels < 5), (channels, h, w, oh)


_DEFAULT_UINT8_WIDTH_ONE_CODE = """
import itertools, torch
import torchvision.transforms.v2.functional as F2
from torchvision.transforms import InterpolationMode as IM
repeated = {}
for mode, channels, (h, w, oh) in itertools.product(("BILINEAR", "BICUBIC"), (1, 3, 4, 5), ((5, 3, 2), (9, 1, 4), (2, 7, 12))):
    x = torch.randint(0, 256, (channels, h, w), dtype=torch.uint8, generator=torch.Generator().manual_seed(h * w + oh))
    x[:, 0], x[:, -1] = 0, 255
    out = F2.resize(x, [oh, 1], IM[mode], antialias=False)
    repeated.setdefault(mode, set()).add(bool((out == out[:, :1]).all()))
    if mode == "BILINEAR":  # the float32 road meets the bug of the antialiased float kernel
        out = F2.resize(x, [oh, 1], IM[mode], antialias=True)
        repeated.setdefault("BILINEAR, antialias", set()).add(bool((out == out[:, :1]).all()))
    if channels > 1:  # channels_last escapes
        cl = F2.resize(x.permute(1, 2, 0).contiguous().permute(2, 0, 1), [oh, 1], IM[mode], antialias=False)
        repeated.setdefault("channels_last", set()).add(bool((cl == cl[:, :1]).all()))
tiny = {}
for mode in ("BILINEAR", "BICUBIC"):
    try:
        F2.resize(torch.zeros(3, 9, 10, dtype=torch.uint8), [1, 1], IM[mode])
        tiny[mode] = "works"
    except RuntimeError:
        tiny[mode] = "raises"
print((torch.backends.cpu.get_cpu_capability(), repeated, tiny))
"""


def test_under_generic_code_uint8_bicubic_has_the_width_one_bug_without_antialias_and_bilinear_goes_float():
    # Review 53: in torch's generic code v2 still keeps uint8 for BICUBIC, whose kernel then repeats the first row
    # with antialias=False at every channel count; BILINEAR goes through float32 there and is right. The tiny cell's
    # comment said it ran "torch's uint8 kernels on the CPU"; neither its bilinear there nor the 1x1 assert (the
    # AVX2 code's, "on this CPU" on the page) is.
    capability, repeated, tiny = eval(run_python(_DEFAULT_UINT8_WIDTH_ONE_CODE, ATEN_CPU_CAPABILITY="default"))
    assert capability == "DEFAULT"
    # Review 72: "BILINEAR goes through float32 there and is right" holds only without antialias.
    want = {"BILINEAR": {False}, "BILINEAR, antialias": {True}, "BICUBIC": {True}, "channels_last": {False}}
    assert repeated == want
    assert tiny == {"BILINEAR": "works", "BICUBIC": "works"}


def test_a_bare_hw_tensor_raises_in_v2_at_any_size_and_in_v1_only_where_the_size_changes():
    # Review 53: "v2 takes any number of leading dimensions" needs a channel axis: v2 unpacks (C, H, W) from the
    # shape, and v1 hands a (1, H, W) tensor to F.interpolate, which reads it as one spatial axis.
    # Review 57: "a bare (H, W) tensor raises in both" - v1 returns its input before it looks at the rank wherever the
    # size asked for is the size it has, as a pair or as an int for the shorter edge, and a 5-D tensor too.
    x = torch.rand(9, 10)
    for resize in (F1.resize, F2.resize):
        with pytest.raises(ValueError):
            resize(x, [4, 5])
    for size in ([9, 10], [9], 9):
        with pytest.raises(ValueError):
            F2.resize(x, size)
        assert F1.resize(x, size) is x
        assert T1.Resize(size)(x) is x
    five_d = torch.rand(2, 4, 3, 9, 10)
    assert F1.resize(five_d, [9, 10]) is five_d
    with pytest.raises(ValueError):
        F1.resize(five_d, [4, 5])
    assert F2.resize(x[None], [4, 5]).shape == (1, 4, 5)
    assert F2.resize(x.expand(2, 3, 1, 9, 10), [4, 5]).shape == (2, 3, 1, 4, 5)


def test_each_resize_class_gives_its_own_apis_function_result():
    # Review 53: "transforms.Resize calls the v1 function, transforms.v2.Resize the v2 one" had no test that could
    # fail; on uint8 bicubic, which v2 gives torch's uint8 kernel on every CPU and v1 sends through float32, they part.
    u8 = image(3, 37, 50)
    for cls, own, other in ((T1.Resize, F1.resize, F2.resize), (T2.Resize, F2.resize, F1.resize)):
        out = cls((35, 48), IM.BICUBIC)(u8)
        assert torch.equal(out, own(u8, [35, 48], IM.BICUBIC)), cls
        assert not torch.equal(out, other(u8, [35, 48], IM.BICUBIC)), cls
    with pytest.raises(ValueError):  # v1 takes no 5-D tensor, v2 does
        T1.Resize((20, 23))(u8.float().expand(2, 4, 3, 37, 50))
    assert T2.Resize((20, 23))(u8.float().expand(2, 4, 3, 37, 50)).shape == (2, 4, 3, 20, 23)


@pytest.mark.skipif(not AVX, reason="the sentence names the AVX2/AVX512 uint8 kernel")
@settings(max_examples=40, deadline=None)
@given(shape_pairs, st.sampled_from([1, 3, 4]), st.sampled_from(["bilinear", "bicubic"]))
def test_torchs_uint8_kernel_is_its_own_width_pass_then_its_own_height_pass(shape, channels, mode):
    # Review 57: "torch's uint8 bilinear and bicubic kernel always runs the horizontal pass first" had no test of
    # torch itself, only of its distance from Pillow: the single call is the two one-axis calls, width first, bit
    # for bit, wherever both axes change (outputs one pixel wide are the width-one bug's).
    h, w, oh, ow = shape
    assume(oh != h and ow != w and ow > 1)
    x = image(channels, h, w, seed=h * w + oh)[None]
    one = F.interpolate(x, size=(oh, ow), mode=mode, antialias=True)
    width_first = F.interpolate(
        F.interpolate(x, size=(h, ow), mode=mode, antialias=True), size=(oh, ow), mode=mode, antialias=True
    )
    assert torch.equal(one, width_first)


def test_torchs_uint8_kernel_is_not_its_height_pass_then_its_width_pass():
    # The other order rounds its intermediate rows elsewhere: the test above could tell the two apart.
    x = image(3, 37, 50)[None]
    for mode in ("bilinear", "bicubic"):
        one = F.interpolate(x, size=(20, 61), mode=mode, antialias=True)
        height_first = F.interpolate(
            F.interpolate(x, size=(20, 50), mode=mode, antialias=True), size=(20, 61), mode=mode, antialias=True
        )
        assert not torch.equal(one, height_first), mode


def test_float_kernels_part_from_pillow_f_images_by_over_a_tenth_of_a_level_on_long_rows():
    # Review 57: "they agree to float rounding" held on images of a few hundred pixels; torch's float32 sample
    # positions (Pillow's are double) move a pixel by more on a long row: on every random row tried here,
    # 12000 -> 11999 parts by over a tenth of a level in each mode, where 64 -> 37 stays within 1e-3.
    for seed, mode in itertools.product(range(3), ("bilinear", "bicubic", "lanczos")):
        for n, m, low, high in ((12000, 11999, 0.1, 1.0), (64, 37, 0.0, 1e-3)):
            values = torch.randint(0, 256, (1, n), generator=torch.Generator().manual_seed(seed)).float()
            pil = Image.fromarray(values.numpy(), mode="F").resize((m, 1), resample=F1.pil_modes_mapping[IM(mode)])
            ours = F.interpolate(values[None, None], size=(1, m), mode=mode, antialias=True)[0, 0]
            assert low < (ours - torch.from_numpy(np.array(pil))).abs().max().item() < high, (seed, mode, n)


def test_to_pil_gives_l_rgb_and_rgba_as_its_docstring_says(ns):
    # The rgba cell hands it 4 channels; the docstring once named only 1 and 3.
    for channels, mode in ((1, "L"), (3, "RGB"), (4, "RGBA")):
        image = torch.randint(0, 256, (channels, 5, 7), dtype=torch.uint8)
        pil = ns["to_pil"](image)
        assert pil.mode == mode and pil.size == (7, 5)
        assert torch.equal(ns["from_pil"](pil).reshape(channels, 5, 7), image)
    assert "(L for 1 channel, RGB for 3, RGBA for 4)" in ns["to_pil"].__doc__


def test_the_last_two_rows_of_the_v1_v2_levels_table_are_bicubic_shrinking_a_little_and_enlarging(ns):
    """The page points at "the last two rows" of the v1-against-v2 levels table for bicubic shrinking only a little
    and enlarging; the dict order printed them there, bound by no test."""
    rows = [
        line
        for line in printed_by("torchvision_resize.py").splitlines()
        if line.startswith("| `") and "37×50 →" in line
    ]
    assert [row.split(" | ")[0] for row in rows] == [
        "| `BILINEAR`, 37×50 → 20×23",
        "| `BICUBIC`, 37×50 → 20×23",
        "| `BICUBIC`, 37×50 → 35×48",
        "| `BICUBIC`, 37×50 → 93×125",
    ]
    shrink = ns["uint8_v1_v2_diff"]["BICUBIC", (20, 23)]
    assert all(int(row.rsplit("|", 2)[1]) > 3 * shrink for row in rows[-2:])  # many more levels than the shrink
    assert_pages_say(
        ("torchvision-resize.md", "as when it shrinks only a little or enlarges (the last two rows)"),
        ("torchvision-resize.zh.md", "比如只缩小一点点或者放大（见最后两行）"),
    )


def test_the_float_vs_pil_table_is_introduced_as_the_mode_tables_five_pairs_not_the_long_rows(ns):
    """The sentence that led into the float_vs_pil table ended 'to over a tenth of an 8-bit level at 12000 → 11999 in
    all three modes ([large images]):', where the table prints the five size pairs of the mode table (up to 300×200,
    about 2·10⁻⁴ of a level; noticed by review r134-4). The table is now introduced by those five pairs and the
    long-row sentence follows it."""
    source = (ROOT / "examples" / "torchvision_resize.py").read_text(encoding="utf-8")
    cell = source.split("# %% float_vs_pil")[1].split("# %%")[0]
    assert "enumerate(shapes)" in cell and len(ns["shapes"]) == 5  # the mode table's five pairs
    assert max(ns["float_vs_pil"].values()) < 1e-3 < 0.1  # far below the long rows' tenth of a level
    for page, intro, after in (
        ("torchvision-resize.md", "On the five size pairs of the mode table, in levels of 0..255:", "12000 → 11999"),
        ("torchvision-resize.zh.md", "下表是模式表那五组尺寸上的结果，以 0..255 的灰度级计：", "12000 → 11999"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        before, table_and_after = text.split("::: example torchvision_resize.py#float_vs_pil")
        lead_in = " ".join(before.rstrip().rsplit("\n\n", 1)[-1].split())
        assert lead_in.endswith(intro) and after not in lead_in, page
        assert after in table_and_after.split("\n\n")[1], page  # the long rows come right after the table


def test_the_pass_order_cell_measures_both_kernels_the_sentence_names(ns):
    """'torch's uint8 bilinear and bicubic kernel always runs the horizontal pass first ..., and over the whole grid it
    stays within a few levels of Pillow made to go width first:' led into a cell that measured bicubic only (through
    v2, which reaches the uint8 bilinear kernel only on some CPUs), so nothing bound bilinear (noticed by review
    r135-4). The cell now measures torch's uint8 kernel itself, F.interpolate on the uint8 tensor, in both modes, over
    the same grid; here, bilinear within 1 level and bicubic within 2, whatever the CPU capability."""
    assert list(ns["torch_vs_width_first"]) == ["bilinear", "bicubic"]
    assert 0 < ns["torch_vs_width_first"]["bilinear"] <= ns["torch_vs_width_first"]["bicubic"] <= 2
    printed = printed_by("torchvision_resize.py").splitlines()
    for mode in ("bilinear", "bicubic"):
        line = f"torch's uint8 {mode} against Pillow made to go width first, largest difference in levels: "
        assert [row for row in printed if row.startswith(line)] == [line + f"{ns['torch_vs_width_first'][mode]}"]
    source = (ROOT / "examples" / "torchvision_resize.py").read_text(encoding="utf-8")
    cell = source.split("# %% pass_order")[1].split("# %%")[0]
    assert "F.interpolate(img[None], size=(oh, ow), mode=mode, antialias=True)" in cell and "F2.resize" not in cell
    # under torch's generic code too (no AVX2 uint8 kernel), on a slice of the grid
    code = (
        "import itertools, json, numpy as np, torch, torch.nn.functional as F\n"
        "from PIL import Image\n"
        "in_sizes, out_sizes = [1, 2, 3, 5, 13, 64], [1, 2, 4, 7, 31, 100]\n"
        "worst = {'bilinear': 0, 'bicubic': 0}\n"
        "R = {'bilinear': Image.Resampling.BILINEAR, 'bicubic': Image.Resampling.BICUBIC}\n"
        "for i, (h, w, oh, ow) in enumerate(itertools.product(in_sizes, in_sizes, out_sizes, out_sizes[1:])):\n"
        "    if (h, w) == (oh, ow) or i % 7: continue\n"
        "    c = 3 if i % 2 else 1\n"
        "    x = torch.randint(0, 256, (c, h, w), dtype=torch.uint8, generator=torch.Generator().manual_seed(i))\n"
        "    a = x.permute(1, 2, 0).numpy(); pil = Image.fromarray(a[..., 0] if c == 1 else a)\n"
        "    for m in worst:\n"
        "        two = np.array(pil.resize((ow, h), R[m]).resize((ow, oh), R[m])).reshape(oh, ow, c).transpose(2, 0, 1)\n"
        "        ours = F.interpolate(x[None], size=(oh, ow), mode=m, antialias=True)[0].numpy()\n"
        "        worst[m] = max(worst[m], int(np.abs(ours.astype(int) - two.astype(int)).max()))\n"
        "print(torch.backends.cpu.get_cpu_capability(), json.dumps(worst))\n"
    )
    capability, worst = run_python(code, ATEN_CPU_CAPABILITY="default").split(" ", 1)
    assert capability == "DEFAULT" and all(0 < gap <= 2 for gap in json.loads(worst).values()), worst


def test_the_uint8_sweep_names_the_cells_it_leaves_one_pixel_wide_outputs_to(ns):
    """The uint8_sweep cell's comment said 'outputs one pixel wide are left to the cells above and below', where in the
    notebook both cells that take such outputs, width_one and tiny, come before it, and no cell after it resizes to a
    width of one (noticed by review r135-4); the page shows tiny after it. The comment now names the two cells."""
    source = (ROOT / "examples" / "torchvision_resize.py").read_text(encoding="utf-8")
    cells = {part.split("\n", 1)[0].strip(): part for part in source.split("# %% ")[1:]}
    names = list(cells)
    sweep = cells["uint8_sweep"]
    assert "cells above and below" not in sweep
    assert "left to the width_one cell (and, for which\n# of them raise, to the tiny one), both of them before" in sweep
    assert names.index("tiny") < names.index("width_one") < names.index("uint8_sweep")
    assert all(ow > 1 for *_, ow, _ in ns["grid"])  # the sweep itself leaves them out
    assert all(oh >= 2 for _, _, oh in ns["width_one_cases"])  # width_one: every case is one pixel wide
    later = "".join(cells[name] for name in names[names.index("uint8_sweep") + 1 :])
    assert "[oh, 1]" not in later and ", 1)" not in later.replace("(1, 1)", "")


def test_the_horizontal_pass_first_sentence_cites_every_uint8_kernel_it_covers():
    """'torch's uint8 bilinear and bicubic kernel always runs the horizontal pass first' cited only
    `upsample_avx_bilinear_bicubic_uint8`, which torch runs on up to 4 channels with its AVX2 or AVX512 code; with 5
    channels or more, or under ATEN_CPU_CAPABILITY=default, the uint8 kernel is `upsample_separable_Nd_kernel_impl`
    (and on ARM, 3-channel channels_last input takes the NEON one), and the tests checked the order on the AVX kernel
    only (noticed by review r136-4). The sentence now names all three; every one of the x86 ones goes width first:
    the single call is its own width pass then its own height pass, bit for bit, and not the other order."""
    code = (
        "import itertools, torch, torch.nn.functional as F\n"
        "shapes = [(37, 50, 20, 61), (13, 9, 30, 4), (64, 5, 7, 31), (5, 64, 31, 7), (3, 2, 100, 13)]\n"
        "found = {'width first': 0, 'not width first': 0, 'height first differs': 0}\n"
        "for n, ((h, w, oh, ow), c, mode, fmt) in enumerate(itertools.product(shapes, [1, 3, 4, 5, 8],\n"
        "        ['bilinear', 'bicubic'], [torch.contiguous_format, torch.channels_last])):\n"
        "    g = torch.Generator().manual_seed(n)\n"
        "    x = torch.randint(0, 256, (1, c, h, w), dtype=torch.uint8, generator=g).contiguous(memory_format=fmt)\n"
        "    f = lambda t, size: F.interpolate(t, size=size, mode=mode, antialias=True)\n"
        "    one = f(x, (oh, ow))\n"
        "    found['width first' if torch.equal(one, f(f(x, (h, ow)), (oh, ow))) else 'not width first'] += 1\n"
        "    found['height first differs'] += not torch.equal(one, f(f(x, (oh, w)), (oh, ow)))\n"
        "print(torch.backends.cpu.get_cpu_capability(), found)\n"
    )
    for capability in ("default", "avx2"):
        if capability == "avx2" and not AVX:
            continue
        printed = run_python(code, ATEN_CPU_CAPABILITY=capability).strip()
        assert (
            printed == f"{capability.upper()} {{'width first': 100, 'not width first': 0, 'height first differs': 100}}"
        )
    avx = "https://github.com/pytorch/pytorch/blob/main/aten/src/ATen/native/cpu/UpSampleKernelAVXAntialias.h"
    neon = "https://github.com/pytorch/pytorch/blob/main/aten/src/ATen/native/cpu/UpSampleKernelNEONAntialias.h"
    cpp = "https://github.com/pytorch/pytorch/blob/main/aten/src/ATen/native/cpu/UpSampleKernel.cpp"
    assert_pages_say(
        (
            "torchvision-resize.md",
            f"always runs the horizontal pass first (`upsample_avx_bilinear_bicubic_uint8` in "
            f"[UpSampleKernelAVXAntialias.h]({avx}) where torch runs its AVX2 or AVX512 code on up to 4 channels, "
            f"`upsample_neon_bilinear_bicubic_uint8` in [UpSampleKernelNEONAntialias.h]({neon}) on ARM for 3-channel "
            f"`channels_last` input, and `upsample_separable_Nd_kernel_impl` in [UpSampleKernel.cpp]({cpp}) otherwise), "
            "and over the whole grid",
        ),
        (
            "torchvision-resize.zh.md",
            f"总是先做水平方向的那一趟（torch 跑 AVX2 或 AVX512 代码、通道数不超过 4 时是 [UpSampleKernelAVXAntialias.h]({avx}) 中的 "
            f"`upsample_avx_bilinear_bicubic_uint8`，ARM 上 3 通道的 `channels_last` 输入走 [UpSampleKernelNEONAntialias.h]({neon}) "
            f"中的 `upsample_neon_bilinear_bicubic_uint8`，其余情况走 [UpSampleKernel.cpp]({cpp}) 中的 "
            "`upsample_separable_Nd_kernel_impl`），",
        ),
    )


def test_the_uint8_sweep_counts_channel_values_and_the_width_first_sentence_says_so(ns):
    """The uint8_sweep table's last column was headed 'pixels that differ' (zh: 不一致的像素), and the page said
    torch's uint8 kernel 'on this grid differs on under 1% of the pixels' when Pillow goes width first; the column
    counts each of an RGB pixel's three channels apart (half the grid is RGB), and counted by pixels bilinear and
    lanczos differ on a little over 1% (noticed by review r137-4). The header and the sentence now say channel
    values, and the sentence gives the pixels' share as about 1%."""
    v2, v1 = ns["uint8_paths"]

    def shares(mode, path, order):
        diffs = [
            d
            for (h, w, oh, ow, m, p), d in ns["uint8_diff"].items()
            if m == mode and p == path and ns["pil_order"][h, w, oh, ow, m] in (order, "either")
        ]
        assert {d.shape[0] for d in diffs} == {1, 3}
        values = sum((d > 0).sum().item() for d in diffs) / sum(d.numel() for d in diffs)
        pixels = sum((d > 0).any(0).sum().item() for d in diffs) / sum(d[0].numel() for d in diffs)
        assert values == ns["uint8_stats"][mode, path, order][1]
        return values, pixels

    for mode in ("BILINEAR", "BICUBIC", "LANCZOS"):
        values, pixels = shares(mode, v2, "width first")
        assert values < 0.01 and 0.008 < pixels < 0.015, (mode, values, pixels)  # about 1% of the pixels
        assert pixels > 2 * values
    # The next bullets count pixels, and hold for pixels too: more differ when Pillow goes height first; the float32
    # road differs on over ten times as many when it goes width first, and when it goes height first on about as
    # many for bilinear (within a factor of two) and on fewer for bicubic.
    pixels = {
        (mode, path, order): shares(mode, path, order)[1]
        for mode in ("BILINEAR", "BICUBIC")
        for path in (v1, v2)
        for order in ("width first", "height first")
    }
    assert pixels["BILINEAR", v2, "height first"] > pixels["BILINEAR", v2, "width first"]
    for mode in ("BILINEAR", "BICUBIC"):
        assert pixels[mode, v1, "width first"] > 10 * pixels[mode, v2, "width first"]
    assert 0.5 < pixels["BILINEAR", v1, "height first"] / pixels["BILINEAR", v2, "height first"] < 2
    assert pixels["BICUBIC", v1, "height first"] < pixels["BICUBIC", v2, "height first"]
    printed = printed_by("torchvision_resize.py").splitlines()
    assert (
        "| mode | path | Pillow's order | shapes | largest difference from PIL (levels) | channel values that differ |"
        in printed
    )
    translations = (ROOT / "docs" / "translations.yml").read_text(encoding="utf-8")
    assert '"channel values that differ": "不一致的通道值"' in translations
    assert_pages_say(
        (
            "torchvision-resize.md",
            "and on this grid differs on under 1% of the channel values, each of an RGB pixel's three counted apart as in "
            "the table's last column (about 1% of the pixels; not on every shape: 300×200 → 450×350 with bilinear "
            "differs on about 4% of the values).",
        ),
        (
            "torchvision-resize.zh.md",
            "在这个网格上，不一致的通道值不到 1%，和表中最后一列一样，RGB 像素的三个通道分开计数（按像素算约为 1%；"
            "并非所有尺寸都如此：300×200 → 450×350 用 `bilinear` 时约有 4% 的通道值不一致）。",
        ),
    )


def test_every_link_to_a_whole_page_is_labelled_with_that_pages_title():
    """Review r138-4: the uint8 path ended 'measured for torch alone on [data types and memory formats]', a title
    interpolate-dtypes.md does not have (its title, the nav's and the other pages' labels: 'dtype and memory format';
    zh 数据类型与内存格式 already matched). Every link of this page to a whole page (no section) now gives that page's
    own title, in en and zh (a capital letter lowered mid-sentence)."""
    import re

    for suffix in (".md", ".zh.md"):
        text = (ROOT / "docs" / f"torchvision-resize{suffix}").read_text(encoding="utf-8")
        links = re.findall(r"\[([^\]]+)\]\(([a-z-]+)\.md\)", text)
        # since r139-4 and r140-4 every link of this page names a section; a whole-page link added later must carry
        # the page's title
        for label, target in links:
            title = (ROOT / "docs" / f"{target}{suffix}").read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
            assert label[:1].lower() + label[1:] == title[:1].lower() + title[1:], (suffix, label, title)


def _section_ids(page: str, suffix: str) -> list[str]:
    """The ids mkdocs gives the ## and ### headings of docs/PAGE (pymdownx slugify, lower case, or an explicit {#id})."""
    import re

    from pymdownx.slugs import slugify

    slug = slugify(case="lower")
    ids = []
    for line in (ROOT / "docs" / f"{page}{suffix}").read_text(encoding="utf-8").splitlines():
        if m := re.match(r"#{2,3} (.*?)\s*(\{#([\w-]+)\})?$", line):
            ids.append(m.group(3) or slug(m.group(1).replace("`", ""), "-"))
    return ids


def test_links_into_other_pages_land_on_the_section_that_states_the_thing():
    """Review r139-4: four links of this page landed on the top of a page whose one section states the thing the
    sentence points to: the shift of `NEAREST`'s floor(i * scale) (interpolate-coordinates.md, section '`nearest`
    versus `nearest-exact`', which measures it), the width-one bug (interpolate-support.md#width-one-bug), the two-pass
    model measured for torch alone (interpolate-dtypes.md, section 'uint8: rounding, and where it happens') and the
    uint8 1x1 assert (interpolate-support.md, section 'Dtypes and devices'; not the width-one section). en and zh now
    link the section, the same one in both (by its place among the target's headings)."""
    import re

    expected = [
        ("interpolate-coordinates", 3),  # `nearest` versus `nearest-exact`
        ("interpolate-support", 4),  # A one-pixel-wide output on the CPU {#width-one-bug}
        ("interpolate-support", 4),  # the exact rule
        ("interpolate-dtypes", 2),  # uint8: rounding, and where it happens
        ("interpolate-support", 5),  # Dtypes and devices
        ("interpolate-support", 4),  # torch's stride test
    ]
    for suffix in (".md", ".zh.md"):
        text = (ROOT / "docs" / f"torchvision-resize{suffix}").read_text(encoding="utf-8")
        links = re.findall(
            r"\]\((interpolate-support|interpolate-coordinates|interpolate-dtypes)\.md(?:#([^)]*))?\)", text
        )
        assert links == [(page, _section_ids(page, suffix)[i]) for page, i in expected], (suffix, links)


def test_the_float_agreement_link_lands_on_the_section_whose_tables_show_it():
    """Review r140-4: 'they agree to float rounding on images of a few hundred pixels a side ... as on [against
    Pillow, OpenCV, scikit-image](other-libraries.md)' (zh 这与[与 Pillow、OpenCV、scikit-image 对比](other-libraries.md)
    一页的结论一致) opened that page at its top; the agreement (on 256x256 and 64 -> 160 float images) and the 3.3e38
    overflow are stated in its section 'Every call against every torch setting'. en and zh now link that section,
    the same one in both (by its place among the target's headings)."""
    import re

    for suffix in (".md", ".zh.md"):
        text = (ROOT / "docs" / f"torchvision-resize{suffix}").read_text(encoding="utf-8")
        paragraph = next(p for p in text.split("\n\n") if "PR #177320" in p)
        links = re.findall(r"\]\(other-libraries\.md(?:#([^)]*))?\)", paragraph)
        assert links == [_section_ids("other-libraries", suffix)[1]], (suffix, links)
