"""The claims of docs/where-upsampling-lives*.md, asserted on the values its example computes."""

import pytest
import torch
import torch.nn as nn
from torch.utils.flop_counter import FlopCounterMode

from helpers import run_example


@pytest.fixture(scope="module")
def ns():
    return run_example("where_upsampling_lives.py")


def test_unet_shapes_halve_then_double_back(ns):
    assert tuple(ns["traced"].shape) == (1, 2, 64, 64)
    shapes = {}
    hooks = [m.register_forward_hook(lambda m, a, out, n=n: shapes.__setitem__(n, tuple(out.shape))) for n, m in ns["unet"].named_children()]
    with torch.no_grad():
        ns["unet"](ns["image"])
    for h in hooks:
        h.remove()
    assert shapes["down1"][-1] == 32 and shapes["down2"][-1] == 16
    assert shapes["up2"] == shapes["enc2"] and shapes["up1"] == shapes["enc1"]


@pytest.mark.parametrize("down", ["max pooling", "strided conv", "antialiased interpolate"])
@pytest.mark.parametrize("up", ["transposed conv", "nearest + conv", "bilinear + conv", "PixelShuffle", "PixelShuffle + ICNR"])
def test_every_combination_keeps_the_input_size(ns, down, up):
    model = ns["UNet"](down, up)
    with torch.no_grad():
        assert model(torch.zeros(2, 3, 32, 48)).shape == (2, 2, 32, 48)


def test_antialiased_interpolate_halves_and_has_no_parameters(ns):
    layer = ns["downsampler"]("antialiased interpolate", 8)
    assert sum(p.numel() for p in layer.parameters()) == 0
    assert layer(torch.zeros(1, 8, 10, 14)).shape[-2:] == (5, 7)


def test_dcgan_grows_1x1_to_32x32(ns):
    assert tuple(ns["fake"].shape) == (8, 3, 32, 32)
    assert ns["fake"].abs().max() <= 1  # tanh
    sizes = []
    for block in list(ns["generator"])[:4]:
        layer = block[0] if isinstance(block, nn.Sequential) else block
        assert isinstance(layer, nn.ConvTranspose2d) and layer.kernel_size == (4, 4)
        sizes.append(layer.stride[0])
    assert sizes == [1, 2, 2, 2]


def test_flop_count_matches_torch_counter(ns):
    for up in ns["UPSAMPLERS"]:
        for down in ns["DOWNSAMPLERS"]:
            torch.manual_seed(0)
            model = ns["UNet"](down, up)
            x = torch.rand(1, 3, 32, 32)
            with FlopCounterMode(display=False) as counter, torch.no_grad():
                model(x)
            assert ns["conv_flops"](model, x) == counter.get_total_flops(), (down, up)


def test_decoder_table_orderings(ns):
    d = ns["by_decoder"]
    # Parameters: the 2x2 transposed conv fewest, PixelShuffle (4x the output channels) most.
    assert d["transposed conv"]["parameters"] < d["nearest + conv"]["parameters"] < d["PixelShuffle"]["parameters"]
    assert d["nearest + conv"]["parameters"] == d["bilinear + conv"]["parameters"]
    assert d["PixelShuffle"]["parameters"] == d["PixelShuffle + ICNR"]["parameters"]
    # FLOPs: resize-conv and PixelShuffle cost the same; the 2x2 transposed conv less.
    assert d["nearest + conv"]["GFLOPs"] == d["bilinear + conv"]["GFLOPs"] == d["PixelShuffle"]["GFLOPs"]
    assert d["transposed conv"]["GFLOPs"] < d["nearest + conv"]["GFLOPs"]
    # Only the decoder differs.
    assert len({m["parameters"] - m["decoder parameters"] for m in d.values()}) == 1
    assert all(m["ms"] > 0 for m in d.values())


def test_decoder_checkerboard_scores(ns):
    d = ns["by_decoder"]
    flat = ("nearest + conv", "bilinear + conv", "PixelShuffle + ICNR")
    for up in flat:
        assert d[up]["score"] < 1e-6, up  # float rounding only
    for up in ("transposed conv", "PixelShuffle"):
        assert d[up]["score"] > 1e-4 and d[up]["score"] > 100 * max(d[f]["score"] for f in flat), up


def test_encoder_table(ns):
    e = ns["by_encoder"]
    assert e["max pooling"]["parameters"] == e["antialiased interpolate"]["parameters"] < e["strided conv"]["parameters"]
    assert e["max pooling"]["GFLOPs"] == e["antialiased interpolate"]["GFLOPs"] < e["strided conv"]["GFLOPs"]


def test_odd_sizes_break_the_skip_connections_and_padding_fixes_them(ns):
    for up in ns["UPSAMPLERS"]:
        model = ns["UNet"]("max pooling", up)
        with torch.no_grad(), pytest.raises(RuntimeError, match="Sizes of tensors must match"):
            model(torch.zeros(1, 3, 63, 63))
        for size in (61, 62, 63, 64):
            with torch.no_grad():
                assert ns["run_padded"](model, torch.zeros(1, 3, size, size + 1)).shape[-2:] == (size, size + 1)
