"""The claims of docs/downsample-methods*.md, asserted on the values its example computes."""

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import run_example


@pytest.fixture(scope="module")
def ns():
    return run_example("downsample_methods.py")


def scores(ns, key, k):
    return {name: ns["measured"][name, k][key] for name in ns["METHODS"] if name != "PixelUnshuffle(k)"}


def test_blur_pool_is_fixed_normalised_and_box_filter_is_avg_pool(ns):
    BlurPool, MaxBlurPool = ns["BlurPool"], ns["MaxBlurPool"]
    for size in (2, 3, 5):
        pool = BlurPool(size)
        assert sum(p.numel() for p in pool.parameters()) == 0
        assert pool.taps.sum().item() == pytest.approx(1)
        x = torch.ones(1, 3, 8, 8)
        torch.testing.assert_close(pool(x), torch.ones(1, 3, 4, 4))  # a constant stays constant
    x = torch.randn(2, 3, 8, 10, generator=torch.Generator().manual_seed(0))
    torch.testing.assert_close(BlurPool(2)(x), F.avg_pool2d(x, 2))
    assert sum(p.numel() for p in MaxBlurPool(5).parameters()) == 0
    assert BlurPool(5).extra_repr() == "filter=(1.0, 4.0, 6.0, 4.0, 1.0), stride=2"


def test_blur_pool_matches_the_papers_definition(ns):
    # Blur with the outer product of [1, 2, 1] / 4 (reflect padding), then keep every second pixel.
    x = torch.randn(1, 2, 9, 9, generator=torch.Generator().manual_seed(1))
    taps = torch.tensor([1.0, 2.0, 1.0]) / 4
    kernel = torch.outer(taps, taps).expand(2, 1, 3, 3)
    expected = F.conv2d(F.pad(x, (1, 1, 1, 1), mode="reflect"), kernel, groups=2)[..., ::2, ::2]
    torch.testing.assert_close(ns["BlurPool"](3)(x), expected)


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


def test_reference_and_measures_are_calibrated(ns):
    assert all(value < 1e-5 for value in ns["reference_scores"].values())
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
    for name in ("error", "folded", "shift"):
        assert ns["measured"]["Conv2d, blur init", 2][name] == pytest.approx(ns["measured"]["BlurPool [1,2,1]", 2][name], abs=1e-5)


@pytest.mark.parametrize("k", [2, 4])
def test_antialias_cuts_folded_energy_and_shift_error(ns, k):
    for key in ("folded", "shift"):
        s = scores(ns, key, k)
        assert s["bilinear, antialias"] < s["bilinear"] / 3
        assert s["bicubic, antialias"] < s["bicubic"] / 3


@pytest.mark.parametrize("k", [2, 4])
def test_who_wins_each_measure(ns, k):
    error, folded, shift = (scores(ns, key, k) for key in ("error", "folded", "shift"))
    if "lanczos, antialias" in error:
        assert min(error, key=error.get) == "lanczos, antialias"
    assert min(folded, key=folded.get) == "BlurPool [1,4,6,4,1]"
    assert set(sorted(shift, key=shift.get)[:2]) == {"BlurPool [1,4,6,4,1]", "MaxBlurPool [1,4,6,4,1]"}
    assert max(shift, key=shift.get) == "Conv2d, random init"
    # BlurPool's strong filter costs passband: more error than the antialiased bilinear
    assert error["BlurPool [1,4,6,4,1]"] > error["bilinear, antialias"]
    # Blurring after the dense max cuts max pooling's shift error several times over
    assert shift["MaxBlurPool [1,4,6,4,1]"] < shift["MaxPool2d(k)"] / 5
    # Slicing is the least shift-stable of the parameter-free methods
    parameter_free = {n: v for n, v in shift.items() if not n.startswith("Conv2d")}
    assert max(parameter_free, key=parameter_free.get) in ("x[..., ::k, ::k]", "nearest", "nearest-exact")


def test_bilinear_without_antialias_degrades_with_the_factor(ns):
    m = ns["measured"]
    assert m["bilinear", 4]["folded"] > 4 * m["bilinear", 2]["folded"]
    assert m["AvgPool2d(k)", 4]["folded"] < 2 * m["AvgPool2d(k)", 2]["folded"]


def test_parameters_and_learnability(ns):
    for name, make in ns["METHODS"].items():
        module = make(2, 16)
        count = sum(p.numel() for p in module.parameters())
        if name.startswith("Conv2d"):
            assert count == 16 * 16 * 3 * 3 + 16 and ns["learnable"](module)
        else:
            assert count == 0 and not ns["learnable"](module), name


def test_timings_exist_and_slicing_is_a_view(ns):
    assert set(ns["timed"]) == set(ns["METHODS"]) and all(t > 0 for t in ns["timed"].values())
    x = torch.randn(1, 2, 8, 8)
    assert x[..., ::2, ::2].data_ptr() == x.data_ptr() and not x[..., ::2, ::2].is_contiguous()


def test_cnn_blocks_share_weights_and_blur_is_more_consistent(ns):
    blocks, r = ns["blocks"], ns["cnn_results"]
    first, second = blocks.values()
    assert torch.equal(first[0].weight, second[0].weight) and torch.equal(first[3].weight, second[3].weight)
    blur, plain = r["MaxBlurPool [1,4,6,4,1]"], r["MaxPool2d(2)"]
    assert blur["consistency"] > plain["consistency"] + 0.1
    assert blur["feature_change"] < plain["feature_change"] / 2
    assert all(0.25 < v["accuracy"] <= 1 for v in r.values())  # both learn something (4 classes)


def test_stripes_are_above_the_halved_nyquist_limit(ns):
    # The task's stripes run at 0.30 to 0.45 cycles per pixel; check on a generated batch.
    x, _ = ns["stripes"](64, torch.Generator().manual_seed(5))
    assert x.shape == (64, 1, 26, 26)
    assert ns["crop"](x, 1, 0).shape[-2:] == (24, 24)
    torch.testing.assert_close(ns["crop"](x, 0, 1)[..., :-1], ns["crop"](x)[..., 1:])
