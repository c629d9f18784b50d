"""The claims of docs/interpolate-support*.md, asserted by calling torch directly."""

import contextlib
import inspect
import io
import re

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import run_example

DOCUMENTED = ["nearest", "nearest-exact", "linear", "bilinear", "bicubic", "trilinear", "area"]


@pytest.fixture(scope="module")
def run():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ns = run_example("interpolate_support.py")
    return ns, out.getvalue()


@pytest.fixture(scope="module")
def ns(run):
    return run[0]


def works(mode, rank, device="cpu", **kwargs):
    x = torch.rand((1, 2) + (6,) * (rank - 2), device=device)
    try:
        F.interpolate(x, scale_factor=2, mode=mode, **kwargs)
        F.interpolate(x, scale_factor=0.5, mode=mode, **kwargs)
        return True
    except Exception:  # as in the example: any rejection counts, whatever its type
        return False


def test_every_documented_mode_and_lanczos_are_found(ns):
    assert ns["modes"][: len(DOCUMENTED)] == DOCUMENTED
    assert "lanczos" in ns["candidates"]  # named by torch's own error message
    assert works("lanczos", 4, antialias=True)  # and accepted, on the CPU
    assert "no-such-mode" not in ns["modes"]
    assert len(ns["results"]) == len(ns["candidates"]) * 3 * 3 * 2


def test_the_matrix_is_what_torch_does(ns):
    for (mode, rank, align, aa), result in ns["results"].items():
        assert works(mode, rank, ns["device"], align_corners=align, antialias=aa) == (result is None), (mode, rank, align, aa)


@pytest.mark.parametrize(
    "mode,ranks",
    [("nearest", {3, 4, 5}), ("nearest-exact", {3, 4, 5}), ("area", {3, 4, 5}), ("linear", {3}), ("bilinear", {4}), ("bicubic", {4}), ("trilinear", {5})],
)
def test_ranks_each_mode_accepts(mode, ranks):
    assert {r for r in (3, 4, 5) if works(mode, r)} == ranks


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "area"])
@pytest.mark.parametrize("align", [False, True])
def test_align_corners_even_false_is_rejected_by_non_interpolating_modes(mode, align):
    for rank in (3, 4, 5):
        with pytest.raises(ValueError, match="align_corners option can only be set"):
            F.interpolate(torch.rand((1, 1) + (4,) * (rank - 2)), scale_factor=2, mode=mode, align_corners=align)


def test_align_corners_none_means_false_for_interpolating_modes():
    x = torch.rand(1, 2, 5, 6)
    for mode in ("bilinear", "bicubic"):
        assert torch.equal(F.interpolate(x, scale_factor=1.5, mode=mode), F.interpolate(x, scale_factor=1.5, mode=mode, align_corners=False))


def test_antialias_only_bilinear_bicubic_lanczos_on_4d(ns):
    for mode in ns["candidates"]:
        for rank in (3, 4, 5):
            accepted = any(works(mode, rank, align_corners=a, antialias=True) for a in (None, False, True))
            assert accepted == (mode in ("bilinear", "bicubic", "lanczos") and rank == 4), (mode, rank)
    with pytest.raises(ValueError, match="Anti-alias"):
        F.interpolate(torch.rand(1, 1, 4, 4, 4), scale_factor=2, mode="trilinear", antialias=True)


def test_bilinear_antialias_changes_nothing_when_enlarging():
    x = torch.rand(1, 1, 7, 9, dtype=torch.float64)
    for scale in (1.5, 2.0, 3.3):
        plain = F.interpolate(x, scale_factor=scale, mode="bilinear")
        torch.testing.assert_close(F.interpolate(x, scale_factor=scale, mode="bilinear", antialias=True), plain)


def test_lanczos_needs_antialias_4d_and_rejects_align_corners_true():
    x = torch.rand(1, 1, 6, 6)
    with pytest.raises(ValueError, match="antialias=True"):
        F.interpolate(x, scale_factor=0.5, mode="lanczos")
    with pytest.raises(ValueError, match="align_corners=True"):
        F.interpolate(x, scale_factor=0.5, mode="lanczos", antialias=True, align_corners=True)
    assert F.interpolate(x, scale_factor=0.5, mode="lanczos", antialias=True).shape == (1, 1, 3, 3)
    for rank in (3, 5):
        with pytest.raises((ValueError, NotImplementedError)):
            F.interpolate(torch.rand((1, 1) + (6,) * (rank - 2)), scale_factor=0.5, mode="lanczos", antialias=True)


def test_bicubic_on_3d_gets_the_generic_message():
    with pytest.raises(NotImplementedError) as error:
        F.interpolate(torch.rand(1, 1, 6), scale_factor=2, mode="bicubic")
    message = str(error.value)
    assert "Only 3D, 4D and 5D input Tensors supported (got 3D)" in message and "needs 4D" not in message
    with pytest.raises(NotImplementedError, match="bilinear mode needs 4D input"):
        F.interpolate(torch.rand(1, 1, 6), scale_factor=2, mode="bilinear")


def test_antialias_check_comes_before_the_rank_check():
    # A call that breaks two rules reports the antialias one first, so the matrix shows one rule per cell.
    with pytest.raises(ValueError, match="Anti-alias"):
        F.interpolate(torch.rand(1, 1, 6), scale_factor=2, mode="bilinear", antialias=True)


def test_nn_upsample_has_no_antialias_argument():
    assert "antialias" not in inspect.signature(nn.Upsample).parameters
    assert "antialias" in inspect.signature(F.interpolate).parameters


def test_tables_are_well_formed_and_messages_exact(run):
    ns, out = run
    lines = out.splitlines()
    rows = [line for line in lines if line.startswith("|")]
    # Tables from consecutive cells touch; each one starts at the line above a |---| rule.
    starts = [i - 1 for i, line in enumerate(lines) if line.startswith("|---")]
    assert len(starts) == 4
    for start, end in zip(starts, starts[1:] + [len(lines)]):
        table = [line for line in lines[start:end] if line.startswith("|")]
        widths = {len(re.split(r"(?<!\\)\|", row)) for row in table}
        assert len(widths) == 1, table[0]
    legend = "\n".join(rows)
    for message in ns["codes"]:
        assert ns["md_escape"](message) in legend
        assert ns["md_escape"](message).replace("\\", "") == message


def test_seven_documented_modes_are_the_starting_list(ns):
    assert ns["documented"] == DOCUMENTED


def test_lanczos_docstring_says_4d_and_cpu_only():
    doc = " ".join(F.interpolate.__doc__.split())
    assert "`lanczos` (4D-only, CPU only)" in doc


def test_wrong_arguments_are_value_errors_wrong_ranks_not_implemented(ns):
    kinds = {}
    for mode in ns["candidates"]:
        for rank in (3, 4, 5):
            for align in (None, False, True):
                for aa in (False, True):
                    try:
                        F.interpolate(torch.rand((1, 1) + (6,) * (rank - 2)), scale_factor=2, mode=mode, align_corners=align, antialias=aa)
                    except Exception as error:
                        message = str(error)
                        kind = "rank" if "needs" in message or "Only 3D, 4D and 5D" in message else "arguments"
                        kinds.setdefault(kind, set()).add(type(error).__name__)
    assert kinds == {"rank": {"NotImplementedError"}, "arguments": {"ValueError"}}
