"""The claims of docs/downsample-module*.md: the Downsample module and its decision table."""

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import run_example


@pytest.fixture(scope="module")
def ns():
    return run_example("downsample_module.py")


@pytest.fixture(scope="module")
def Downsample(ns):
    return ns["Downsample"]


def test_methods(Downsample):
    assert Downsample.METHODS == ("max", "avg", "area", "antialias-bilinear", "blur", "max-blur", "conv", "pixel-unshuffle")


@pytest.mark.parametrize("factor", [2, 4])
@pytest.mark.parametrize("size", [(32, 32), (15, 21)])
def test_output_shape_of_every_method(Downsample, factor, size):
    x = torch.randn(2, 6, *size, generator=torch.Generator().manual_seed(0))
    for method in Downsample.METHODS:
        down = Downsample(factor, method=method, channels=6)
        if method == "pixel-unshuffle" and (size[0] % factor or size[1] % factor):
            with pytest.raises(ValueError, match="divisible"):
                down(x)
            continue
        channels = 6 * factor**2 if method == "pixel-unshuffle" else 6
        assert tuple(down(x).shape) == (2, channels, size[0] // factor, size[1] // factor), method


@pytest.mark.parametrize("factor", [2, 4])
def test_parameter_counts(Downsample, factor):
    for method in Downsample.METHODS:
        count = sum(p.numel() for p in Downsample(factor, method=method, channels=8).parameters())
        assert count == (8 * 8 * factor * factor + 8 if method == "conv" else 0), method
    for method in ("blur", "max-blur"):
        assert Downsample(2, method=method).state_dict() == {}  # the fixed filter is not saved in checkpoints
        assert list(Downsample(2, method=method).buffers()) == []  # it is built per call, in the input's dtype


def test_methods_compute_what_they_say(Downsample):
    x = torch.randn(1, 3, 16, 16, generator=torch.Generator().manual_seed(1))
    assert torch.equal(Downsample(2, method="max")(x), F.max_pool2d(x, 2))
    assert torch.equal(Downsample(2, method="avg")(x), F.avg_pool2d(x, 2))
    torch.testing.assert_close(Downsample(2, method="area")(x), F.avg_pool2d(x, 2))
    torch.testing.assert_close(Downsample(2, method="antialias-bilinear")(x), F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True))
    assert torch.equal(Downsample(2, method="pixel-unshuffle")(x), F.pixel_unshuffle(x, 2))
    torch.testing.assert_close(Downsample(2, method="blur")(torch.ones(1, 3, 16, 16)), torch.ones(1, 3, 8, 8))
    # 'blur' at factor 4 is two 2x steps
    blur2 = Downsample(2, method="blur")
    torch.testing.assert_close(Downsample(4, method="blur")(x), blur2(blur2(x)))


def test_area_mode_is_the_adaptive_average_pool():
    x = torch.randn(1, 2, 15, 21, generator=torch.Generator().manual_seed(3))
    torch.testing.assert_close(F.interpolate(x, size=(7, 10), mode="area"), F.adaptive_avg_pool2d(x, (7, 10)))


def test_repr_mirrors_upsample(Downsample):
    assert repr(Downsample(2, method="blur")) == "Downsample(factor=2, method='blur', filter=[1, 3, 3, 1], padding_mode='reflect')"
    assert "factor=4, method='conv', channels=16" in repr(Downsample(4, method="conv", channels=16))
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
        ({"factor": 2, "method": "conv"}, "pass channels"),
        ({"factor": 2, "method": "conv", "channels": 0}, "pass channels"),
    ],
)
def test_bad_arguments_fail_at_construction(Downsample, arguments, message):
    with pytest.raises(ValueError, match=message):
        Downsample(**arguments)


def test_bad_inputs_fail_with_a_clear_message(Downsample):
    with pytest.raises(ValueError, match="4-D"):
        Downsample(2)(torch.zeros(16, 32, 32))
    with pytest.raises(ValueError, match=r"divisible by 2, got 15x15"):
        Downsample(2, method="pixel-unshuffle")(torch.zeros(1, 1, 15, 15))


def test_non_power_of_two_factors_work_where_they_can(Downsample):
    x = torch.randn(1, 2, 18, 18)
    for method in ("max", "avg", "area", "antialias-bilinear", "pixel-unshuffle"):
        assert Downsample(3, method=method)(x).shape[-2:] == (6, 6)


def test_odd_sizes_reach(ns):
    assert ns["reach"] == {"max": 49, "avg": 196, "area": 225, "antialias-bilinear": 225, "blur": 225}


def test_encoder_decoder_and_roundtrips(ns):
    assert tuple(ns["h"].shape) == (1, 3, 64, 64)
    assert torch.equal(ns["roundtrip"], ns["x"])
    assert nn.Upsample(scale_factor=2)(ns["halved"]).shape[-2:] == (14, 14)
    assert ns["halved"].shape[-2:] == (7, 7)
    assert nn.Upsample(size=(15, 15))(ns["halved"]).shape[-2:] == (15, 15)


def test_decision_table_facts(ns):
    f = ns["facts"]
    same_channels = [m for m in f if m != "pixel-unshuffle"]
    # keep the strongest activation: only max keeps a lone peak at full height (in the same channels)
    assert f["max"]["peak kept"] == 1.0 and f["pixel-unshuffle"]["peak kept"] == 1.0
    assert all(f[m]["peak kept"] < 0.6 for m in same_channels if m != "max")
    assert f["avg"]["peak kept"] == pytest.approx(0.25)
    # max-blur keeps more of a peak than any smoothing method, and is far more shift-stable than max
    assert f["max-blur"]["peak kept"] > max(f[m]["peak kept"] for m in ("avg", "area", "antialias-bilinear", "blur"))
    assert f["max-blur"]["shift error"] < f["max"]["shift error"] / 5
    # smooth: the mean of 4 independent pixels has half their spread
    assert f["avg"]["noise left"] == pytest.approx(0.5, abs=0.01)
    assert f["max"]["noise left"] > f["avg"]["noise left"]
    # resize as Pillow does
    assert f["antialias-bilinear"]["max diff to Pillow"] < 1e-5
    assert f["avg"]["max diff to Pillow"] > 0.05
    # least aliasing, and shift stability
    folded = {m: f[m]["folded energy"] for m in same_channels}
    shift = {m: f[m]["shift error"] for m in same_channels}
    # at factor 2, 'blur' with [1, 3, 3, 1] is the antialiased bilinear tent: the same away from borders
    assert folded["blur"] == pytest.approx(folded["antialias-bilinear"], rel=1e-4)
    assert sorted(folded, key=folded.get)[2:] and min(folded.values()) == pytest.approx(folded["blur"], rel=1e-4)
    assert min(shift, key=shift.get) == "max-blur"
    assert shift["blur"] < shift["avg"] / 3
    assert max(shift, key=shift.get) == "conv"
    # learn: only conv has parameters, and a loss reaches all of them
    assert [m for m in f if f[m]["parameters"]] == ["conv"] and f["conv"]["learnable"]
    assert f["conv"]["parameters"] == 16 * 16 * 2 * 2 + 16
    # lossless: exactly zero, every other method loses information
    assert f["pixel-unshuffle"]["reconstruction error"] == 0
    assert all(f[m]["reconstruction error"] > 0.3 for m in same_channels)


def test_decision_table_rows_name_real_methods(ns):
    rows = ns["rows"]
    assert [method for _, method, _ in rows] == ["max", "max-blur", "avg", "area", "antialias-bilinear", "blur", "conv", "pixel-unshuffle"]
