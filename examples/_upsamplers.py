"""Initialisations for learnable ×r upsampling layers, and the checkerboard score.

The checkerboard, recipes, super-resolution and where-upsampling-lives pages import these,
so each exists once; the checkerboard page shows the cells below, the recipes page the
bilinear one, and the other two fold the icnr and score cells. Initialisation is kept
apart from layer type: ``icnr_`` initialises a convolution that feeds
``nn.PixelShuffle``, ``bilinear_`` a ``nn.ConvTranspose2d``, and any layer can also keep
PyTorch's default initialisation.
"""

# %% icnr
import torch
import torch.nn as nn


def icnr_(conv, scale=2):
    """ICNR (Aitken et al. 2017, arXiv:1707.02937), in place, for ``conv`` + ``PixelShuffle(scale)``.

    Output channel c * scale**2 + k of the convolution becomes sub-pixel position k of
    channel c, so the scale**2 consecutive channels of a group get one kernel and one
    bias (``repeat_interleave``; ``repeat`` would give them other channels' kernels,
    unless a single channel follows the shuffle or scale is 1). The
    layer then starts as a convolution at low resolution followed by nearest-neighbour
    upsampling. The shared kernel has PyTorch's default initialisation for that shape.
    """
    groups = scale**2
    if conv.out_channels % groups:
        raise ValueError(f"ICNR for PixelShuffle({scale}) needs out_channels divisible by {groups}, got {conv.out_channels}")
    with torch.no_grad():
        fresh = nn.Conv2d(
            conv.in_channels, conv.out_channels // groups, conv.kernel_size, padding=conv.padding,
            bias=conv.bias is not None, device=conv.weight.device, dtype=conv.weight.dtype,
        )
        conv.weight.copy_(fresh.weight.repeat_interleave(groups, dim=0))
        if conv.bias is not None:
            conv.bias.copy_(fresh.bias.repeat_interleave(groups, dim=0))
    return conv


# %% bilinear
import torch


def bilinear_kernel(scale, dtype=torch.float32, device=None):
    """The 1-D linear-interpolation kernel FCN uses for ×scale, length 2*scale - scale % 2."""
    size = 2 * scale - scale % 2
    taps = torch.arange(size, dtype=torch.float64)
    return (1 - (taps - (size - 1) / 2).abs() / scale).to(dtype=dtype, device=device)


def bilinear_(layer, mixing=None):
    """FCN's initialisation (Long et al. 2015), in place, for ``nn.ConvTranspose2d``.

    The layer needs the kernel_size, stride and padding of ``bilinear_layer_args(r)``
    (×2: kernel 4, stride 2, padding 1), the same on both axes, and output_padding 0,
    dilation 1 and groups 1: any other layer, a depthwise one included, raises a
    ValueError. Channel i feeds channel o with weight
    mixing[i, o] times the bilinear kernel; the default mixing is the identity (each
    channel upsampled on its own), which needs in_channels == out_channels. The bias
    is set to zero.
    """
    r = layer.stride[0]
    expected = {key: (value, value) for key, value in bilinear_layer_args(r).items()}
    expected.update(output_padding=(0, 0), dilation=(1, 1), groups=1)
    actual = {key: getattr(layer, key) for key in expected}
    if actual != expected:
        raise ValueError(f"bilinear_ needs a square ConvTranspose2d with {expected}, got {actual}")
    if mixing is None:
        if layer.in_channels != layer.out_channels:
            raise ValueError("bilinear_ without mixing needs in_channels == out_channels")
        mixing = torch.eye(layer.in_channels)
    kernel = bilinear_kernel(r, dtype=layer.weight.dtype, device=layer.weight.device)
    with torch.no_grad():
        mixing = mixing.to(dtype=layer.weight.dtype, device=layer.weight.device)
        layer.weight.copy_(mixing[:, :, None, None] * torch.outer(kernel, kernel))
        if layer.bias is not None:
            layer.bias.zero_()
    return layer


def bilinear_layer_args(scale):
    """kernel_size, stride and padding of the ConvTranspose2d that ``bilinear_`` turns into ×scale bilinear."""
    kernel_size = 2 * scale - scale % 2
    return dict(kernel_size=kernel_size, stride=scale, padding=(kernel_size - scale + 1) // 2)


# %% score
import torch


def checkerboard_score(y, period, margin):
    """The share of a map's variance that is periodic with ``period`` pixels, mean over maps.

    y is (N, C, H, W). Inside a border of ``margin`` pixels, each (n, c) map is split
    into its period x period phases (the pixels at the same position modulo period);
    the score is the variance of the phase means over the variance of the map: 0 when every
    phase has the same mean, 1 for a map that is nothing but the pattern (a trend whose phases
    differ in mean can score too: the float64 ramp 0, 1, 2, ... along one axis of a W-pixel interior, W >= 2 a multiple of period, (period**2 - 1) / (W**2 - 1)). While no step of
    the score overflows or underflows in float64, a constant added to a map (its DC level, a bias) does not
    change it beyond the rounding of the sum in the map's dtype, nor does a positive scale, unless the
    constant makes the map flat or no longer flat: a map whose spread is within float rounding of its level
    (a standard deviation of at most 100 epsilons of its dtype times its root mean square, up to 200 ulp)
    counts as flat (0; a float32 checkerboard of ±1 plus 10**5, for one, and 1 again minus 10**5):
    score outputs computed in float64, or in float32 without TF32, which cuDNN convolutions
    use by default on GPUs that have it (Ampere and newer) and whose rounding is far coarser.
    """
    inner = y[..., margin : y.shape[-2] - margin, margin : y.shape[-1] - margin].double()
    n, c, h, w = inner.shape
    if h % period or w % period:
        raise ValueError(f"the {h}x{w} interior is not a whole number of {period}x{period} periods")
    phase_means = inner.reshape(n, c, h // period, period, w // period, period).mean(dim=(2, 4))
    pattern = phase_means.flatten(2).var(dim=2, unbiased=False)
    total = inner.flatten(2).var(dim=2, unbiased=False)
    rounding = (100 * torch.finfo(y.dtype).eps) ** 2 * inner.flatten(2).pow(2).mean(dim=2)
    flat = total <= rounding
    return torch.where(flat, 0.0, pattern / torch.where(flat, 1.0, total)).mean().item()
