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
    assert "benchmark and deterministic to False" in " ".join(full_float32.__doc__.split())


def test_full_float32_docstring_names_every_other_flag_it_resets_with_the_default_it_takes():
    # Review r137-9: the docstring said "it sets cuDNN's other flags too ...: benchmark and deterministic are False
    # inside it", but torch.backends.cudnn.flags also passes its defaults for benchmark_limit, fp32_precision and
    # depthwise_kernel, so a user's depthwise_kernel="cudnn" (say) is "auto" inside the context as well.
    import inspect

    doc = " ".join(full_float32.__doc__.split())
    given = {"enabled", "allow_tf32"}  # what full_float32 passes
    others = {name: p.default for name, p in inspect.signature(torch.backends.cudnn.flags).parameters.items()}
    assert set(others) - given >= {"benchmark", "deterministic", "benchmark_limit", "depthwise_kernel"}
    for name, default in others.items():
        if name not in given:
            shown = f'"{default}"' if isinstance(default, str) else str(default)
            assert f"{name} to {shown}" in doc.replace(
                "benchmark and deterministic to", "benchmark to False, deterministic to"
            ), name
    before = torch._C._get_cudnn_depthwise_kernel()
    try:
        torch._C._set_cudnn_depthwise_kernel("cudnn")
        with full_float32():
            assert torch._C._get_cudnn_depthwise_kernel() == others["depthwise_kernel"] == "auto"
        assert torch._C._get_cudnn_depthwise_kernel() == "cudnn"
    finally:
        torch._C._set_cudnn_depthwise_kernel(before)
