"""Blur pooling and the Downsample module: what an nn.Downsample would be.

They live in this helper module so that every example that needs them imports the same
code: the aliasing and downsampling pages use ``BlurPool`` and ``MaxBlurPool``, the frequency
response and other-frameworks pages ``blur_pool``, the page "What an nn.Downsample would be"
builds and measures ``Downsample``, the performance page times it and the torch.compile page
compiles it. The cells below are what the pages show.
"""

# %% blur_pool
import numbers

import torch
import torch.nn as nn
import torch.nn.functional as F

FILTER_SIZES = (2, 3, 4, 5, 6, 7)  # taps; Zhang's antialiased-cnns also takes 1, which is plain subsampling
PADDING_MODES = ("reflect", "replicate", "zeros", "circular")


def binomial(filter_size: int) -> list[int]:
    """A row of Pascal's triangle: [1, 1] is a box, [1, 2, 1] a tent, [1, 4, 6, 4, 1] the paper's Bin-5."""
    row = [1]
    for _ in range(filter_size - 1):
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
    return row


def blur_pool_minimum_size(filter_size: int, stride: int, padding_mode: str, ceil_mode: bool) -> int:
    """The smallest H and W blur_pool accepts: one output pixel, and a pad the mode can make."""
    before = (filter_size - 1) // 2
    after = filter_size - 1 - before if ceil_mode else max(filter_size - stride - before, 0)
    smallest = 1 if ceil_mode else stride
    if padding_mode == "reflect":  # mirrors about the edge pixel, so it needs a pixel more than the pad
        smallest = max(smallest, before + 1, after + 1)
    elif padding_mode == "circular":
        smallest = max(smallest, before, after)
    return smallest


def is_integer(value) -> bool:
    """An int or a NumPy integer, not a bool and not a float: 4.0 == 4, but range(4.0) fails."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _check_blur_arguments(filter_size: int, stride: int, padding_mode: str) -> None:
    if not is_integer(filter_size) or filter_size not in FILTER_SIZES:
        raise ValueError(f"filter_size must be one of {FILTER_SIZES}, got {filter_size!r}")
    if not is_integer(stride) or stride < 1:
        raise ValueError(f"stride must be a positive integer, got {stride!r}")
    if padding_mode not in PADDING_MODES:
        raise ValueError(f"padding_mode must be one of {', '.join(map(repr, PADDING_MODES))}; got {padding_mode!r}")


def blur_pool(x: torch.Tensor, filter_size: int = 4, stride: int = 2, padding_mode: str = "reflect", ceil_mode: bool = True) -> torch.Tensor:
    """Zhang's BlurPool on an (N, C, H, W) tensor: blur each channel, keep every stride-th pixel.

    The binomial filter of ``filter_size`` taps is applied to rows, then columns, in the
    input's dtype. As in antialiased-cnns, the input is padded by (filter_size - 1) // 2
    before, so away from the borders output pixel i sits at input position stride * i + 0.5
    for an even filter and stride * i for an odd one. ceil_mode=True (Zhang) gives ceil(H / stride);
    ceil_mode=False gives floor(H / stride), padding less after; a filter shorter than the
    stride would still reach past the last full block, and that sample is dropped.
    """
    if x.dim() != 4:
        raise ValueError(f"blur_pool expects a 4-D (N, C, H, W) tensor, got shape {list(x.shape)}")
    taps = torch.tensor(binomial(filter_size), dtype=x.dtype, device=x.device) / 2.0 ** (filter_size - 1)  # exact in float16, bfloat16, float32, float64
    before = (filter_size - 1) // 2
    after = filter_size - 1 - before if ceil_mode else max(filter_size - stride - before, 0)
    height, width = x.shape[-2], x.shape[-1]
    smallest = blur_pool_minimum_size(filter_size, stride, padding_mode, ceil_mode)
    if min(height, width) < smallest:
        raise ValueError(
            f"blur_pool(filter_size={filter_size}, stride={stride}, padding_mode='{padding_mode}', ceil_mode={ceil_mode}) "
            f"needs H and W of at least {smallest}, got {height}x{width}"
        )
    pad: list[int] = [before, after, before, after]
    if padding_mode == "zeros":
        x = F.pad(x, pad)
    else:
        x = F.pad(x, pad, mode=padding_mode)
    channels = x.shape[1]
    x = F.conv2d(x, taps.view(1, 1, 1, -1).expand(channels, 1, 1, filter_size), stride=(1, stride), groups=channels)
    x = F.conv2d(x, taps.view(1, 1, -1, 1).expand(channels, 1, filter_size, 1), stride=(stride, 1), groups=channels)
    if not ceil_mode:  # a short filter at a large stride reaches past the last full block: drop that sample
        x = x[..., : height // stride, : width // stride]
    return x


class BlurPool(nn.Module):
    """Zhang (ICML 2019) BlurPool: ``blur_pool`` as a module, with nothing to learn or save."""

    def __init__(self, filter_size: int = 4, stride: int = 2, padding_mode: str = "reflect", ceil_mode: bool = True):
        super().__init__()
        _check_blur_arguments(filter_size, stride, padding_mode)
        self.filter_size, self.stride, self.padding_mode, self.ceil_mode = int(filter_size), int(stride), padding_mode, ceil_mode

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return blur_pool(x, self.filter_size, self.stride, self.padding_mode, self.ceil_mode)

    def extra_repr(self) -> str:
        return f"filter={binomial(self.filter_size)}, stride={self.stride}, padding_mode={self.padding_mode!r}, ceil_mode={self.ceil_mode}"


class MaxBlurPool(nn.Module):
    """Zhang's MaxBlurPool: a dense max (stride 1), then BlurPool.

    ``MaxPool2d(k, stride=s)`` becomes ``MaxPool2d(k, stride=1)`` and ``BlurPool(stride=s)``.
    The dense max of kernel_size k moves the samples by (k - 1) / 2 and shortens the map
    by k - 1: Zhang's default (2x2 max, 4 taps, ceil) gives floor(H / 2) at 2i + 1.
    """

    def __init__(self, kernel_size: int = 2, filter_size: int = 4, stride: int = 2, padding_mode: str = "reflect", ceil_mode: bool = True):
        super().__init__()
        _check_blur_arguments(filter_size, stride, padding_mode)
        if not is_integer(kernel_size) or kernel_size < 1:
            raise ValueError(f"kernel_size must be a positive integer, got {kernel_size!r}")
        self.kernel_size, self.filter_size, self.stride = int(kernel_size), int(filter_size), int(stride)
        self.padding_mode, self.ceil_mode = padding_mode, ceil_mode

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # the blur pool's minimum, counted on the input: the dense max shortens the map by kernel_size - 1
        smallest = blur_pool_minimum_size(self.filter_size, self.stride, self.padding_mode, self.ceil_mode) + self.kernel_size - 1
        if min(x.shape[-2], x.shape[-1]) < smallest:
            raise ValueError(
                f"MaxBlurPool(kernel_size={self.kernel_size}, filter_size={self.filter_size}, stride={self.stride}, padding_mode='{self.padding_mode}', "
                f"ceil_mode={self.ceil_mode}) needs H and W of at least {smallest}, got {x.shape[-2]}x{x.shape[-1]}"
            )
        x = F.max_pool2d(x, self.kernel_size, stride=1)
        return blur_pool(x, self.filter_size, self.stride, self.padding_mode, self.ceil_mode)

    def extra_repr(self) -> str:
        return (f"kernel_size={self.kernel_size}, filter={binomial(self.filter_size)}, stride={self.stride}, "
                f"padding_mode={self.padding_mode!r}, ceil_mode={self.ceil_mode}")


# %% module
class Downsample(nn.Module):
    """Shrink height and width of an (N, C, H, W) float16, bfloat16, float32 or float64 tensor by an integer factor.

    Every method returns floor(H / factor) x floor(W / factor) in the input's dtype (outside autocast, which
    sets the dtype of the F.conv2d methods 'blur', 'max-blur' and 'conv'), and away
    from the borders output pixel i sits at the centre of input block i, position
    factor * i + (factor - 1) / 2 ('antialias-bilinear' in float32, float16 or bfloat16 checked on the CPU on
    axes shorter than 2**23 pixels: beyond, torch's float32 positions, on CUDA too, can be rounded); 'area' alone leaves that grid where the factor does
    not divide the size, spreading its windows over the rows left over (which the filters wider than a block,
    of 'antialias-bilinear', 'blur' and 'max-blur', can read too, from samples on the grid). At the borders, the filters wider than a block
    ('antialias-bilinear', 'blur', 'max-blur') are cut or padded, which moves the outermost samples.
    Inputs smaller than ``minimum_size`` raise a ValueError that names it; inputs with no
    channels raise one too (torch's max_pool2d and avg_pool2d refuse them; its adaptive_avg_pool2d and pixel_unshuffle
    do not, and return an empty tensor).
    'blur' and 'max-blur' repeat a 2x blur pool (factor a power of 2) and take
    ``filter_size`` and ``padding_mode``. 'conv' is the only method with parameters (it
    needs ``channels``); 'pixel-unshuffle' needs H and W divisible by factor, since it
    drops nothing.
    """

    METHODS = ("max", "avg", "area", "antialias-bilinear", "blur", "max-blur", "conv", "pixel-unshuffle")
    # A blur pool's samples sit at block centres only with an even filter; after the dense
    # 2x2 max, which moves them by half a pixel, only with an odd one.
    ALIGNED_FILTERS = {"blur": (2, 4, 6), "max-blur": (3, 5, 7)}
    DEFAULT_FILTER = {"blur": 4, "max-blur": 5}

    def __init__(self, factor: int = 2, method: str = "avg", channels=None, filter_size=None, padding_mode: str = "reflect"):
        super().__init__()
        if not is_integer(factor) or factor < 2:
            raise ValueError(f"factor must be an integer >= 2, got {factor!r}")
        factor = int(factor)  # a NumPy integer too, stored as the int that TorchScript and the kernels take
        if method not in self.METHODS:
            raise ValueError(f"method must be one of {', '.join(map(repr, self.METHODS))}; got {method!r}")
        if padding_mode not in PADDING_MODES:
            raise ValueError(f"padding_mode must be one of {', '.join(map(repr, PADDING_MODES))}; got {padding_mode!r}")
        if method in self.ALIGNED_FILTERS:
            if factor & (factor - 1):
                raise ValueError(f"method={method!r} repeats a 2x blur pool, so factor must be a power of 2, got {factor}")
            filter_size = self.DEFAULT_FILTER[method] if filter_size is None else filter_size
            if not is_integer(filter_size) or filter_size not in self.ALIGNED_FILTERS[method]:
                raise ValueError(f"method={method!r} samples at block centres only with filter_size in {self.ALIGNED_FILTERS[method]}, got {filter_size!r}")
            _check_blur_arguments(filter_size, 2, padding_mode)
        elif filter_size is not None:
            raise ValueError(f"filter_size applies to 'blur' and 'max-blur' only, not {method!r}")
        if method == "conv" and not (is_integer(channels) and channels > 0):
            raise ValueError(f"method='conv' learns a {factor}x{factor} stride-{factor} convolution: pass channels=C, got {channels!r}")
        if channels is not None and not (is_integer(channels) and channels > 0):  # unused here, but wrong for 'conv' too
            raise ValueError(f"channels must be a positive integer or None, got {channels!r}")
        self.factor, self.method, self.padding_mode = factor, method, padding_mode
        self.filter_size = 0 if filter_size is None else int(filter_size)
        # channels is accepted by every method, so that a setting can switch methods; only 'conv' uses it.
        self.channels = int(channels) if method == "conv" else None
        # 'conv' holds what nn.Conv2d(channels, channels, factor, stride=factor) would, initialised the same way.
        conv = nn.Conv2d(self.channels, self.channels, kernel_size=factor, stride=factor) if method == "conv" else None
        self.weight = None if conv is None else conv.weight
        self.bias = None if conv is None else conv.bias
        self.stages = factor.bit_length() - 1  # of a blur pool, when factor is a power of 2
        self.minimum_size = self._minimum_size()

    def _minimum_size(self) -> int:
        if self.method not in self.ALIGNED_FILTERS:
            return self.factor
        # The last 2x stage is the binding one: it sees floor(H / (factor / 2)) pixels.
        if self.method == "blur":
            stage = blur_pool_minimum_size(self.filter_size, 2, self.padding_mode, False)
        else:  # the dense 2x2 max needs 2 pixels and leaves one fewer for the blur pool
            stage = max(2, blur_pool_minimum_size(self.filter_size, 2, self.padding_mode, True) + 1)
        return stage * self.factor // 2

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 4:
            raise ValueError(f"Downsample expects a 4-D (N, C, H, W) tensor, got shape {list(x.shape)}")
        if x.dtype != torch.float16 and x.dtype != torch.bfloat16 and x.dtype != torch.float32 and x.dtype != torch.float64:
            # float8 is floating point too, but no pooling or convolution kernel takes it
            raise TypeError(f"Downsample expects float16, bfloat16, float32 or float64, got {x.dtype}")
        if x.shape[1] == 0:
            raise ValueError(f"Downsample expects at least one channel, got shape {list(x.shape)}")
        k, method = self.factor, self.method
        height, width = x.shape[-2], x.shape[-1]
        if min(height, width) < self.minimum_size:
            raise ValueError(f"Downsample({k}, method='{method}') needs H and W of at least {self.minimum_size}, got {height}x{width}")
        if method == "max":
            return F.max_pool2d(x, k)
        if method == "avg":
            return F.avg_pool2d(x, k)
        if method == "area":
            return F.adaptive_avg_pool2d(x, [height // k, width // k])
        if method == "antialias-bilinear":
            # The kernel F.interpolate runs, given both the output size and the scale: the scale puts
            # the filter on block centres also where k does not divide the size, and the size is floor(H / k) exactly,
            # where scale_factor=1/k would compute it as floor(H * (1/k)) in floating point, one short
            # at k = 49 and 98 (of the factors up to 100; at 103, 107 and more above). One axis per call: on the CPU that gives the same bits as one call where one
            # call is right, and the
            # CUDA kernel, which keeps the taps of both axes in 48 KB of shared memory, refuses both
            # at once from k = 95 in float32. The CPU kernel has no float16/bfloat16 path, so those
            # go through float32. An output one pixel wide can come back wrong
            # from the CPU kernel (see interpolate-support.md): that height pass runs transposed.
            low = x.dtype == torch.float16 or x.dtype == torch.bfloat16
            y = torch.ops.aten._upsample_bilinear2d_aa(x.float() if low else x, [height, width // k], False, 1.0, 1.0 / k)
            if width // k == 1:
                y = torch.ops.aten._upsample_bilinear2d_aa(y.transpose(-1, -2), [1, height // k], False, 1.0, 1.0 / k).transpose(-1, -2)
            else:
                y = torch.ops.aten._upsample_bilinear2d_aa(y, [height // k, width // k], False, 1.0 / k, 1.0)
            return y.to(x.dtype)
        if method == "pixel-unshuffle":
            if height % k or width % k:
                raise ValueError(f"method='pixel-unshuffle' needs H and W divisible by {k}, got {height}x{width}")
            if x.numel() == 0:  # torch's CPU kernel would return it unchanged
                return x.new_empty([x.shape[0], x.shape[1] * k * k, height // k, width // k])
            return F.pixel_unshuffle(x, k)
        weight, bias = self.weight, self.bias
        if weight is not None and bias is not None:  # 'conv': cast on each call, so float32 parameters serve float16, bfloat16 and float64 input
            return F.conv2d(x, weight.to(x.dtype), bias.to(x.dtype), stride=k)
        for _ in range(self.stages):  # 'blur' and 'max-blur': 2x at a time
            if method == "max-blur":  # dense 2x2 max: H - 1 samples at j + 0.5, then ceil((H - 1) / 2) = floor(H / 2)
                x = blur_pool(F.max_pool2d(x, 2, stride=1), self.filter_size, 2, self.padding_mode, True)
            else:
                x = blur_pool(x, self.filter_size, 2, self.padding_mode, False)
        return x

    def extra_repr(self) -> str:
        text = f"factor={self.factor}, method={self.method!r}"
        if self.filter_size:
            text += f", filter={binomial(self.filter_size)}, padding_mode={self.padding_mode!r}"
        if self.channels is not None:
            text += f", channels={self.channels}"
        return text
