"""docs/performance*.md: the benchmark runs (tiny mode) and its explanations hold for torch."""

import pytest
import torch
import torch.nn.functional as F

from helpers import run_example


@pytest.fixture(scope="module")
def ns():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PERF_TINY", "1")
        return run_example("performance.py")


def test_every_op_has_a_time_and_bandwidth_or_a_reason(ns):
    for config, result in ns["results"].items():
        assert result["copy_bandwidth"] > 0
        names = [r["op"] for r in result["rows"]]
        assert names == list(ns["make_ops"](torch.float32, torch.contiguous_format)), config
        for row in result["rows"]:
            assert ("seconds" in row and row["seconds"] > 0 and row["bandwidth"] > 0) or row["error"], row


def test_float32_contiguous_forward_always_runs_every_op(ns):
    base = ns["results"][(ns["small"], torch.float32, torch.contiguous_format, False)]
    assert all("seconds" in row for row in base["rows"])


def test_bandwidth_fractions_are_plausible(ns):
    fractions = [r["fraction"] for result in ns["results"].values() for r in result["rows"] if "fraction" in r]
    assert fractions and all(0 < f <= 2 for f in fractions)


def test_scaling_slopes_are_fitted_for_each_op(ns):
    assert set(ns["slopes"]) == set(ns["scaling_ops"]) and len(ns["slopes"]) == 6


def input_support(mode, scale, antialias=False):
    """How many input pixels one output pixel in the middle depends on (via its gradient)."""
    x = torch.zeros(1, 1, 32, 32, dtype=torch.float64, requires_grad=True)
    out = F.interpolate(x, scale_factor=scale, mode=mode, antialias=antialias)
    out[0, 0, out.shape[2] // 2, out.shape[3] // 2].backward()
    return int((x.grad != 0).sum())


def test_bicubic_reads_4x4_and_bilinear_2x2_per_output_pixel():
    assert input_support("bilinear", 1.5) <= 4 < input_support("bicubic", 1.5) <= 16


def test_antialias_window_grows_with_the_downscale_factor():
    plain = input_support("bilinear", 0.5)
    assert input_support("bilinear", 0.5, antialias=True) > plain
    assert input_support("bilinear", 0.25, antialias=True) > input_support("bilinear", 0.5, antialias=True)


def test_downsample_methods_left_out_are_the_ops_already_timed():
    from _downsample import Downsample

    x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(0))
    assert torch.equal(Downsample(2, "max")(x), F.max_pool2d(x, 2))
    assert torch.equal(Downsample(2, "avg")(x), F.avg_pool2d(x, 2))
    assert torch.equal(Downsample(2, "area")(x), F.adaptive_avg_pool2d(x, (8, 8)))
    assert torch.equal(Downsample(2, "pixel-unshuffle")(x), F.pixel_unshuffle(x, 2))
