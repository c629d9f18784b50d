"""The Downsample module: what an nn.Downsample would be.

It lives in this helper module so that every example that needs it imports the same
code: the page "What an nn.Downsample would be" builds and measures it, and the
performance page times it. The cell below is what that page shows.
"""

# %% module
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Downsample(nn.Module):
    """Shrink height and width of an (N, C, H, W) tensor by an integer factor.

    The output is floor(H / factor) x floor(W / factor) for every method; only
    'pixel-unshuffle' needs H and W divisible by factor, since it drops nothing.
    'conv' is the only method with parameters, and needs ``channels``.
    """

    METHODS = ("max", "avg", "area", "antialias-bilinear", "blur", "max-blur", "conv", "pixel-unshuffle")
    BINOMIAL = (1.0, 4.0, 6.0, 4.0, 1.0)  # Zhang (ICML 2019), the strongest of the paper's filters

    def __init__(self, factor=2, method="avg", channels=None):
        super().__init__()
        if isinstance(factor, bool) or not isinstance(factor, int) or factor < 2:
            raise ValueError(f"factor must be an integer >= 2, got {factor!r}")
        if method not in self.METHODS:
            raise ValueError(f"method must be one of {', '.join(map(repr, self.METHODS))}; got {method!r}")
        if method in ("blur", "max-blur") and factor & (factor - 1):
            raise ValueError(f"method={method!r} repeats a 2x blur pool, so factor must be a power of 2, got {factor}")
        if method == "conv" and not (isinstance(channels, int) and channels > 0):
            raise ValueError(f"method='conv' learns a {factor}x{factor} stride-{factor} convolution: pass channels=C, got {channels!r}")
        self.factor, self.method, self.channels = factor, method, channels
        if method == "conv":
            self.conv = nn.Conv2d(channels, channels, kernel_size=factor, stride=factor)
        if method in ("blur", "max-blur"):
            taps = torch.tensor(self.BINOMIAL)
            self.register_buffer("taps", taps / taps.sum(), persistent=False)

    def forward(self, x):
        if x.dim() != 4:
            raise ValueError(f"Downsample expects a 4-D (N, C, H, W) tensor, got shape {tuple(x.shape)}")
        k, method = self.factor, self.method
        if method == "max":
            return F.max_pool2d(x, k)
        if method == "avg":
            return F.avg_pool2d(x, k)
        if method == "area":
            return F.adaptive_avg_pool2d(x, (x.shape[-2] // k, x.shape[-1] // k))
        if method == "antialias-bilinear":
            return F.interpolate(x, size=(x.shape[-2] // k, x.shape[-1] // k), mode="bilinear", antialias=True)
        if method == "conv":
            return self.conv(x)
        if method == "pixel-unshuffle":
            if x.shape[-2] % k or x.shape[-1] % k:
                raise ValueError(f"method='pixel-unshuffle' needs H and W divisible by {k}, got {tuple(x.shape[-2:])}")
            return F.pixel_unshuffle(x, k)
        for _ in range(int(math.log2(k))):  # 'blur' and 'max-blur': 2x at a time
            if method == "max-blur":
                x = F.max_pool2d(F.pad(x, (0, 1, 0, 1), mode="replicate"), 2, stride=1)  # dense max, same size
            x = self._blur_pool(x)
        return x

    def _blur_pool(self, x):
        # Binomial blur, then every second pixel. Padding 2 before and 1 after gives floor(H / 2);
        # 'replicate' works for any size, even 1x1.
        c, m = x.shape[1], len(self.taps)
        x = F.pad(x, (2, 1, 2, 1), mode="replicate")
        x = F.conv2d(x, self.taps.view(1, 1, 1, m).expand(c, 1, 1, m), stride=(1, 2), groups=c)
        return F.conv2d(x, self.taps.view(1, 1, m, 1).expand(c, 1, m, 1), stride=(2, 1), groups=c)

    def extra_repr(self):
        return f"factor={self.factor}, method={self.method!r}" + (f", channels={self.channels}" if self.channels else "")
