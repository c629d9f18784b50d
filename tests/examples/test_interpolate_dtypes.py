"""The claims of docs/interpolate-dtypes*.md. "On the CPU" claims are checked on CPU tensors."""

import pytest
import torch
import torch.nn.functional as F

from helpers import run_example


@pytest.fixture(scope="module")
def ns():
    return run_example("interpolate_dtypes.py")


def works(dtype, **kwargs):
    try:
        F.interpolate(torch.zeros(1, 3, 8, 8, dtype=dtype), size=(4, 4), **kwargs)
        return True
    except (RuntimeError, NotImplementedError, ValueError):
        return False


def test_support_on_the_cpu(ns):
    for name, kwargs in ns["MODES"].items():
        assert works(torch.float32, **kwargs) and works(torch.float64, **kwargs), name
        assert works(torch.uint8, **kwargs) == (name != "area"), name
        for half in (torch.float16, torch.bfloat16):
            assert works(half, **kwargs) == (not kwargs.get("antialias", False)), (name, half)


def test_area_is_adaptive_avg_pool_without_uint8():
    x = torch.rand(1, 3, 8, 8)
    assert torch.equal(F.interpolate(x, size=(4, 4), mode="area"), F.adaptive_avg_pool2d(x, (4, 4)))
    with pytest.raises(NotImplementedError, match="adaptive_avg_pool2d"):
        F.interpolate(torch.zeros(1, 3, 8, 8, dtype=torch.uint8), size=(4, 4), mode="area")


def test_support_table_matches_what_torch_does_on_the_device(ns):
    device = ns["device"]
    for (name, dtype), cell in ns["support"].items():
        try:
            F.interpolate(torch.zeros(1, 3, 8, 8, dtype=dtype, device=device), size=(4, 4), **ns["MODES"][name])
            assert cell == "yes"
        except (RuntimeError, NotImplementedError, ValueError) as error:
            assert str(error).splitlines()[0] in cell


def test_float_bicubic_overshoots_the_edge(ns):
    assert ns["edge_float"].min().item() < 0
    assert ns["edge_float"].max().item() > 255


def test_uint8_bicubic_saturates_on_the_cpu(ns):
    out = F.interpolate(ns["edge"].cpu(), scale_factor=4, mode="bicubic")
    assert out.dtype == torch.uint8
    assert out.min().item() == 0 and out.max().item() == 255


def uint8_versus_models(ns, name, size):
    image, kwargs = ns["image"].cpu(), ns["MODES"][name]
    out = F.interpolate(image, size=size, **kwargs).float()
    once = (out - ns["to_uint8"](F.interpolate(image.float(), size=size, **kwargs))).abs().max().item()
    passes = (out - ns["two_pass"](image, size, **kwargs)).abs().max().item()
    return once, passes


SIZES = [(256, 256), (64, 64)]


@pytest.mark.parametrize("size", SIZES)
def test_uint8_rounding_on_the_cpu(ns, size):
    for name in ("nearest", "nearest-exact"):
        assert uint8_versus_models(ns, name, size)[0] == 0
    for name in ("bilinear", "bilinear, antialias"):
        assert uint8_versus_models(ns, name, size)[0] <= 1
    for name in ("bicubic", "bicubic, antialias", "lanczos, antialias"):
        once, passes = uint8_versus_models(ns, name, size)
        assert once > 3 and passes <= 2, (name, once, passes)


def test_rounding_table_is_from_the_float_overshoot(ns):
    for (name, size), (once, _, _) in ns["rounding"].items():
        if name.startswith("bicubic") or name.startswith("lanczos"):
            kwargs = ns["MODES"][name]
            as_float = F.interpolate(ns["image"].float(), size=size, **kwargs)
            assert as_float.min().item() < 0 or as_float.max().item() > 255


@pytest.mark.parametrize("dtype,channels", [(torch.float32, 3), (torch.uint8, 3), (torch.float32, 32)])
def test_channels_last_on_the_cpu(ns, dtype, channels):
    x = (torch.rand(2, channels, 24, 24, generator=torch.Generator().manual_seed(3)) * 255).to(dtype)
    for name, kwargs in ns["MODES"].items():
        if dtype == torch.uint8 and name == "area":
            continue
        for size in ((48, 48), (12, 12)):
            last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=size, **kwargs)
            assert torch.equal(F.interpolate(x, size=size, **kwargs), last), name
            assert last.is_contiguous(memory_format=torch.channels_last), name


def test_half_types_lose_precision_by_storing_not_computing(ns):
    for dtype in (torch.float16, torch.bfloat16):
        eps = torch.finfo(dtype).eps
        kernels = [k for (name, d), (t, k) in ns["precision"].items() if d == dtype]
        assert kernels and max(kernels) < eps
    float32 = [k for (name, d), (t, k) in ns["precision"].items() if d == torch.float32]
    assert max(float32) > torch.finfo(torch.float32).eps


def test_bfloat16_error_is_about_one_8bit_level_and_eight_times_float16(ns):
    assert torch.finfo(torch.bfloat16).eps == 2.0**-7  # 8 significant bits
    bf16 = max(t for (name, d), (t, k) in ns["precision"].items() if d == torch.bfloat16)
    fp16 = max(t for (name, d), (t, k) in ns["precision"].items() if d == torch.float16)
    assert 0.25 / 255 < bf16 < 2 / 255
    assert 4 < bf16 / fp16 < 16
