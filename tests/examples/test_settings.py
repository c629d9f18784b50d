"""examples/_settings.py: the interpolate settings the tables compare, and full_float32."""

from __future__ import annotations

import torch
from _settings import full_float32


def test_full_float32_turns_tf32_off_and_resets_the_other_cudnn_flags_for_its_duration():
    # Review r127-9 noticed the docstring named TF32 only; torch.backends.cudnn.flags passes its defaults for
    # every flag it is not given, so a user's benchmark or deterministic setting is off inside the context.
    cudnn = torch.backends.cudnn
    before = (cudnn.enabled, cudnn.benchmark, cudnn.deterministic, cudnn.allow_tf32)
    try:
        cudnn.benchmark, cudnn.deterministic, cudnn.allow_tf32 = True, True, True
        with full_float32():
            assert (cudnn.enabled, cudnn.benchmark, cudnn.deterministic, cudnn.allow_tf32) == (
                True,
                False,
                False,
                False,
            )
        assert (cudnn.benchmark, cudnn.deterministic, cudnn.allow_tf32) == (True, True, True)
    finally:
        cudnn.enabled, cudnn.benchmark, cudnn.deterministic, cudnn.allow_tf32 = before
    assert "benchmark and deterministic are False inside it" in " ".join(full_float32.__doc__.split())
