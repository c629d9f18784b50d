"""The claims of docs/why-no-downsample*.md, asserted on the values its example computes."""

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import run_example


@pytest.fixture(scope="module")
def ns():
    return run_example("why_no_downsample.py")


def test_interpolate_docs_say_down_and_up(ns):
    assert F.interpolate.__doc__.strip().startswith("Down/up samples the input")


def test_upsample_docs_send_downsampling_to_interpolate(ns):
    assert "interpolate" in ns["advice"] and "downsampling" in ns["advice"]


def test_there_is_no_nn_downsample():
    assert not hasattr(nn, "Downsample")


def test_all_methods_give_the_same_shape(ns):
    shapes = {tuple(out.shape) for out in ns["halves"].values()}
    assert shapes == {(1, 3, 300, 256)}


def test_pooling_and_interpolate_have_no_parameters_convs_do(ns):
    counts = {name: ns["parameters"](method) for name, method in ns["methods"].items()}
    assert counts["MaxPool2d(2)"] == counts["AvgPool2d(2)"] == counts["interpolate(bilinear)"] == 0
    assert counts["Conv2d(stride=2), random"] == 3 * 3 * 2 * 2 + 3
    assert counts["Conv2d(stride=2), averaging"] == 3 * 3 * 2 * 2


def test_real_strided_conv_parameter_count(ns):
    assert sum(p.numel() for p in ns["layer"].parameters()) == 64 * 64 * 3 * 3 + 64


def test_averaging_conv_reproduces_avg_pool(ns):
    h = ns["halves"]
    torch.testing.assert_close(h["Conv2d(stride=2), averaging"], h["AvgPool2d(2)"])


def test_random_conv_is_far_from_both_poolings(ns):
    h = ns["halves"]
    assert (h["Conv2d(stride=2), random"] - h["AvgPool2d(2)"]).abs().max() > 0.1
    assert (h["Conv2d(stride=2), random"] - h["MaxPool2d(2)"]).abs().max() > 0.1


def test_bilinear_halving_equals_average_pooling(ns):
    h = ns["halves"]
    torch.testing.assert_close(h["interpolate(bilinear)"], h["AvgPool2d(2)"])


def test_nearest_halving_is_slicing(ns):
    assert torch.equal(ns["halves"]["interpolate(nearest)"], ns["image"][..., ::2, ::2])


def test_max_pool_keeps_peaks_avg_pool_keeps_mean(ns):
    image, h = ns["image"], ns["halves"]
    torch.testing.assert_close(h["AvgPool2d(2)"].mean(), image.mean())
    assert h["MaxPool2d(2)"].mean() > image.mean()
    assert torch.equal(h["MaxPool2d(2)"].amax(), image.amax())


def test_at_factor_four_max_pool_brightens_and_antialias_agrees_with_avg_pool(ns):
    image, factor = ns["image"], ns["factor"]
    avg = F.avg_pool2d(image, factor)
    antialiased = F.interpolate(image, scale_factor=1 / factor, mode="bilinear", antialias=True)
    assert F.max_pool2d(image, factor).mean() > image.mean() + 0.02
    assert (antialiased - avg).abs().mean() < 0.02


def test_nearest_at_factor_four_keeps_one_pixel_in_sixteen(ns):
    image, factor = ns["image"], ns["factor"]
    out = F.interpolate(image, scale_factor=1 / factor, mode="nearest")
    assert torch.equal(out, image[..., ::factor, ::factor])
    assert out.numel() * factor**2 == image.numel()


def test_picture_draws_six_panels(ns):
    assert len(ns["figure"].axes) == len(ns["quarter_methods"]) == 6
