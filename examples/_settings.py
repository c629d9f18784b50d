"""Settings that several examples share: the F.interpolate settings their tables compare,
named as the tables name them, and full float32 for convolutions on CUDA.

Examples import these instead of each keeping its own copy; pages show the cells below.
"""

# %% interpolate_settings
import torch
import torch.nn.functional as F

INTERPOLATE_SETTINGS = {
    "nearest": dict(mode="nearest"),
    "nearest-exact": dict(mode="nearest-exact"),
    "bilinear": dict(mode="bilinear", align_corners=False),
    "bilinear, antialias": dict(mode="bilinear", align_corners=False, antialias=True),
    "bicubic": dict(mode="bicubic", align_corners=False),
    "bicubic, antialias": dict(mode="bicubic", align_corners=False, antialias=True),
    "area": dict(mode="area"),
}
LANCZOS = {"lanczos, antialias": dict(mode="lanczos", align_corners=False, antialias=True)}


def lanczos_works(device):
    """mode="lanczos" is newer than the others and not on every device: try it."""
    try:
        F.interpolate(torch.ones(1, 1, 8, 8, device=device), scale_factor=0.5, **LANCZOS["lanczos, antialias"])
        return True
    except (ValueError, RuntimeError, NotImplementedError):
        return False


# %% full_float32
import torch


def full_float32():
    """A context in which cuDNN convolutions compute in full float32.

    On GPUs with TF32 (Ampere and newer), cuDNN rounds float32 convolution inputs to TF32
    (10-bit mantissa) by default, which would hide float rounding in comparisons; older GPUs
    compute in full float32 anyway. On the CPU the context changes nothing. As any
    torch.backends.cudnn.flags context, it sets that function's other flags to their defaults
    for its duration, whatever they were: benchmark and deterministic to False, benchmark_limit
    to 10, fp32_precision to "none" and depthwise_kernel to "auto" (no example sets them).
    """
    return torch.backends.cudnn.flags(enabled=True, allow_tf32=False)
