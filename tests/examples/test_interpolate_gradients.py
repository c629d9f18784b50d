"""The claims of docs/interpolate-gradients*.md, asserted on the example's values and on torch directly."""

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from helpers import run_example


@pytest.fixture(scope="module")
def ns():
    namespace = run_example("interpolate_gradients.py")
    assert not torch.are_deterministic_algorithms_enabled(), "the example must switch determinism off again"
    return namespace


@pytest.fixture
def deterministic():
    torch.use_deterministic_algorithms(True)
    try:
        yield
    finally:
        torch.use_deterministic_algorithms(False)


def test_nearest_backward_sums_each_2x2_block(ns):
    assert torch.equal(ns["grad_input"], ns["block_sums"])
    g = torch.randn(1, 2, 8, 10, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    x = torch.zeros(1, 2, 4, 5, dtype=torch.float64, requires_grad=True)
    F.interpolate(x, scale_factor=2, mode="nearest").backward(g)
    expected = g.view(1, 2, 4, 2, 5, 2).sum(dim=(3, 5))
    torch.testing.assert_close(x.grad, expected, rtol=0, atol=1e-12)
    x = torch.rand(1, 2, 4, 5, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda t: F.interpolate(t, scale_factor=2, mode="nearest"), (x,))


def test_bilinear_backward_spreads_the_interpolation_weights(ns):
    w = ns["weights"][0, 0].cpu()
    expected = torch.zeros(4, 4)
    for i, wi in ((1, 0.75), (2, 0.25)):
        for j, wj in ((1, 0.75), (2, 0.25)):
            expected[i, j] = wi * wj
    torch.testing.assert_close(w, expected)
    assert ns["weights"].sum().item() == pytest.approx(1.0)


def test_footprints(ns):
    fp = ns["footprints"]

    def count(mode, label):
        return int((fp[mode, label] != 0).sum())

    for label in ("up", "down"):
        assert count("nearest", label) == count("nearest-exact", label) == 1
        assert count("bilinear", label) == 4
        assert count("bicubic", label) == 16 and (fp["bicubic", label] < 0).any()
    assert count("bilinear, antialias", "down") == 8 * 8
    assert count("bicubic, antialias", "down") == 16 * 16
    np.testing.assert_allclose(fp["bilinear, antialias", "up"], fp["bilinear", "up"], atol=1e-12)
    area = fp["area", "down"]
    assert count("area", "down") == 16 and np.allclose(area[area != 0], 1 / 16)
    for (mode, label), f in fp.items():
        assert f.sum() == pytest.approx(1.0), (mode, label)


def test_coverage(ns):
    cov = ns["coverage"]
    for mode in ("nearest", "nearest-exact"):
        low, high, _ = cov[mode, "x1.5"]
        assert low > 0 and high == pytest.approx(4 * low)
    for mode in ("bilinear", "area"):
        low, high, _ = cov[mode, "x1.5"]
        assert low == pytest.approx(high)
    assert cov["nearest", "x1/4"][2] == pytest.approx(15 / 16)
    assert cov["bilinear", "x1/4"][2] == pytest.approx(3 / 4)
    for mode in ("bilinear, antialias", "bicubic, antialias", "area"):
        assert cov[mode, "x1/4"][2] == 0


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "bilinear", "bilinear, antialias", "bicubic", "bicubic, antialias", "area"])
def test_gradcheck_and_transpose_in_float64(ns, mode):
    up, down, relative = ns["checks"][mode]
    assert up and down and relative < 1e-12
    kwargs = ns["MODES"][mode]
    for n_in, n_out in ((3, 7), (8, 3)):
        x = torch.rand(1, 2, n_in, n_in + 1, dtype=torch.float64, requires_grad=True)
        assert torch.autograd.gradcheck(lambda t: F.interpolate(t, size=(n_out, n_out + 2), **kwargs), (x,))


def backward_twice_on_cpu(mode, rank):
    x = torch.rand((2, 4) + (12,) * (rank - 2), requires_grad=True)
    g = torch.rand(F.interpolate(x, scale_factor=2, mode=mode).shape)
    first, second = (torch.autograd.grad(F.interpolate(x, scale_factor=2, mode=mode), x, g)[0] for _ in range(2))
    return torch.equal(first, second)


def test_cpu_backward_is_deterministic_with_and_without_the_switch(ns):
    for mode, rank in ns["RANKED"].items():
        assert backward_twice_on_cpu(mode, rank), mode
    torch.use_deterministic_algorithms(True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            for mode, rank in ns["RANKED"].items():
                assert backward_twice_on_cpu(mode, rank), mode
    finally:
        torch.use_deterministic_algorithms(False)
    if ns["device"].type == "cpu":
        assert set(ns["determinism"].values()) == {"bitwise equal"}


def test_determinism_table_has_every_setting(ns):
    for mode in ns["RANKED"]:
        for setting in ("default", "deterministic", "deterministic, warn_only"):
            assert ns["determinism"][mode, setting]


def test_dispatch_on_meta_and_cpu(ns):
    d = ns["dispatch"]
    for mode in ns["RANKED"]:
        assert d[mode, "cpu", True] == d[mode, "cpu", False]
        if mode in ("bilinear", "trilinear"):
            assert d[mode, "meta", False].startswith("Upsample")
            assert d[mode, "meta", True] == "AddBackward0"
        else:
            assert d[mode, "meta", True] == d[mode, "meta", False]


def test_meta_takes_the_decomposition_directly(deterministic):
    x = torch.zeros(1, 1, 4, 4, device="meta", requires_grad=True)
    assert type(F.interpolate(x, scale_factor=2, mode="bilinear").grad_fn).__name__ == "AddBackward0"


def test_documented_modes(ns):
    assert ns["documented"] == ["linear", "bilinear", "bicubic", "trilinear"]


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
@pytest.mark.parametrize("mode,rank", [("bilinear", 4), ("trilinear", 5)])
def test_cuda_bilinear_and_trilinear_use_the_decomposition(deterministic, mode, rank):
    x = torch.rand((2, 4) + (16,) * (rank - 2), device="cuda", requires_grad=True)
    y = F.interpolate(x, scale_factor=2, mode=mode)
    assert type(y.grad_fn).__name__ == "AddBackward0"
    g = torch.rand_like(y)
    first, second = (torch.autograd.grad(F.interpolate(x, scale_factor=2, mode=mode), x, g)[0] for _ in range(2))
    assert torch.equal(first, second)
