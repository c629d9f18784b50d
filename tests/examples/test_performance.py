"""docs/performance*.md: the benchmark's method (baseline, bytes, rounds, threads) and the page's claims."""

import itertools
import platform
import re
import resource
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT, assert_pages_say, printed_by, run_example, run_python

FORMATS = (torch.contiguous_format, torch.channels_last)


@pytest.fixture(scope="module")
def ns():
    threads = torch.get_num_threads()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PERF_TINY", "1")
        namespace, printed = run_example("performance.py"), printed_by("performance.py")
    namespace["threads_before"], namespace["threads_after"] = threads, torch.get_num_threads()
    namespace["printed"] = printed
    return namespace


def timed_rows(ns):
    return [
        (config, name, row)
        for config, result in ns["results"].items()
        for name, row in result["rows"].items()
        if "times" in row
    ]


def test_every_op_has_a_time_or_a_reason(ns):
    ops = list(ns["make_ops"](torch.float32, torch.contiguous_format))
    for (shape, dtype, fmt, backward), result in ns["results"].items():
        assert list(result["rows"]) == ops + ([] if backward else ["x.clone()"])
        for row in result["rows"].values():
            assert ("seconds" in row and row["seconds"] > 0) or row["error"], row


def test_float32_nchw_forward_runs_every_op(ns):
    rows = ns["results"][ns["main"]]["rows"]
    assert all("seconds" in row for row in rows.values())


def test_bandwidth_fractions_are_plausible(ns):
    """A fraction is an op's bandwidth over a copy's measured in the same round: with the
    bytes counted right and no allocation in the reference, no op is far faster than a copy."""
    fractions = [row["fraction"] for _, _, row in timed_rows(ns)]
    assert fractions and all(0 < f <= 2 for f in fractions)


def test_each_round_scores_the_op_against_the_copy_timed_in_that_round(ns):
    for (shape, dtype, _, _), name, row in timed_rows(ns):
        rounds = ns["rounds"] if shape == ns["sizes"][0] else 3
        assert len(row["times"]) == len(row["copy_times"]) == len(row["fractions"]) == rounds, name
        copied = 2 * torch.Size(shape).numel() * dtype.itemsize
        expected = [row["bytes"] / t / (copied / c) for t, c in zip(row["times"], row["copy_times"])]
        assert row["fractions"] == pytest.approx(expected, rel=1e-12), name


def test_the_run_leaves_torch_with_its_thread_count(ns):
    assert ns["threads_after"] == ns["threads_before"]
    with ns["one_cpu_thread"]():
        assert torch.get_num_threads() == (1 if ns["device"].type == "cpu" else ns["threads_before"])
    assert torch.get_num_threads() == ns["threads_before"]


# The out= forms: the same values, without allocating the output.
SHAPES = [(1, 3, 2, 2), (2, 3, 3, 3), (1, 5, 7, 9), (2, 4, 16, 10)]


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16, torch.float64])
@pytest.mark.parametrize("memory_format", FORMATS)
@pytest.mark.parametrize("shape", SHAPES)
def test_out_forms_compute_exactly_what_the_ops_compute(ns, dtype, memory_format, shape):
    x = torch.randn(shape, generator=torch.Generator().manual_seed(1)) * 100
    x = x.to(ns["device"], dtype).contiguous(memory_format=memory_format)
    for name, (call, into, _) in ns["make_ops"](dtype, memory_format).items():
        if into is None:
            continue
        try:
            expected = call(x)
        except (RuntimeError, NotImplementedError):
            continue
        outs = [torch.full_like(o, 7) for o in expected]
        into(x, outs)
        assert all(o.stride() == e.stride() for o, e in zip(outs, expected)), name
        if "area" in name and expected[0].shape[-2:] == (1, 1):
            # Adaptive pooling to 1x1 is torch.mean in F.interpolate, the pooling kernel in the out= op.
            torch.testing.assert_close(outs[0], expected[0])
            continue
        assert all(torch.equal(o, e) for o, e in zip(outs, expected)), name


@pytest.mark.parametrize("memory_format", FORMATS)
def test_out_forms_do_not_allocate_their_output(ns, memory_format):
    x = torch.randn(1, 64, 32, 32, device=ns["device"]).contiguous(memory_format=memory_format)
    with torch.no_grad():
        for name, (call, into, _) in ns["make_ops"](torch.float32, memory_format).items():
            outs = call(x)
            written = sum(o.nbytes for o in outs)
            with_output = ns["allocated"](lambda call=call: call(x))
            assert with_output >= written, name
            if into is not None:
                assert with_output - ns["allocated"](lambda into=into, outs=outs: into(x, outs)) >= written, name


def test_the_reference_copy_allocates_nothing_in_any_configuration(ns):
    """The page's baseline: copy_ into a preallocated tensor (a clone would allocate its result)."""
    assert ns["results"] and all(result["copy_allocated"] == 0 for result in ns["results"].values())


def test_backward_calls_take_no_sum_and_accumulate_nothing(ns):
    """The backward pass is timed through autograd.grad with a prepared output gradient: no
    .sum() in the timed call, a fresh gradient on every call, and no weight gradient."""
    from torch.profiler import ProfilerActivity, profile

    x = torch.randn(1, 64, 16, 16, device=ns["device"])
    ops = ns["make_ops"](torch.float32, torch.contiguous_format)
    for name in ("interpolate bilinear up", "MaxPool2d(2)", "Conv2d(3, stride=2)"):
        fn, _ = ns["timed_call"](ops[name], x, True)
        first = fn()[0]
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            second = fn()[0]
        # Nothing accumulates from call to call (CUDA's atomic adds may reorder the last bits).
        torch.testing.assert_close(first, second, msg=name)
        assert not any(event.name == "aten::sum" for event in prof.events()), name
        assert all(p.grad is None for p in ops[name][2]), name


def test_upsampling_backward_kernels_zero_the_input_gradient_first(ns):
    """Why the page calls the count the least a kernel moves: torch's upsampling backward
    writes the input's gradient twice, zeros and then the sums (bilinear and bicubic; nearest
    on the CPU)."""
    from torch.profiler import ProfilerActivity, profile

    x = torch.randn(1, 8, 16, 16, device=ns["device"], requires_grad=True)
    # On CUDA, nearest's backward gathers each input pixel's window instead: no zeros first.
    for mode in ("bilinear", "bicubic") + (("nearest",) if ns["device"].type == "cpu" else ()):
        out = F.interpolate(x, scale_factor=2, mode=mode)
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            torch.autograd.grad(out, x, torch.ones_like(out))
        names = [event.name for event in prof.events()]
        assert any(n.startswith("aten::upsample_") and n.endswith("_backward") for n in names), (mode, names)
        assert "aten::zero_" in names, (mode, names)


def out_form_allocates(ns, name, memory_format, output_hw):
    """Where the page says an out= form still allocates: on the CPU, nearest, nearest-exact
    and bilinear of an NCHW input with output height + width <= 128 (the layout
    conversion) and every antialiased op (one pass per dimension); on CUDA, antialiased
    ops on a channels_last input (copied to NCHW, and the result written to an NCHW temporary)."""
    antialias = "antialias" in name
    if ns["device"].type == "cuda":
        return antialias and memory_format == torch.channels_last
    converts = any(f"interpolate {m} " in name for m in ("nearest", "nearest-exact", "bilinear"))
    return antialias or (converts and memory_format == torch.contiguous_format and sum(output_hw) <= 128)


def test_the_daggers_on_out_forms_are_the_allocations_the_page_names(ns):
    """Forward calls into preallocated outputs: † (a tenth or more of the bytes moved,
    allocated) exactly where the page says the kernel converts or passes through a
    temporary, at every size and dtype measured."""
    checked = 0
    for (shape, dtype, fmt, backward), result in ns["results"].items():
        if backward:
            continue
        ops = ns["make_ops"](dtype, fmt)
        for name, row in result["rows"].items():
            if "allocated" not in row or name not in ops or ops[name][1] is None:
                continue
            scale = 2 if " up" in name else 0.5
            output_hw = (int(shape[2] * scale), int(shape[3] * scale))
            dagger = row["allocated"] >= row["bytes"] / 10
            assert dagger == out_form_allocates(ns, name, fmt, output_hw), (
                name,
                shape,
                dtype,
                fmt,
                row["allocated"],
                row["bytes"],
            )
            checked += 1
    assert checked >= 20


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "bilinear", "bicubic", "area"])
@pytest.mark.parametrize("memory_format", FORMATS)
def test_the_cpu_converts_nchw_when_the_output_is_at_most_128_high_plus_wide(ns, mode, memory_format):
    """The rule the page cites from UpSampleKernel.cpp, on either side of 128, in both
    directions and dtypes: the conversion clones the input and allocates the output again,
    except with one channel, where NCHW already is channels_last, and for uint8 bilinear,
    which takes a separable kernel."""
    from torch.profiler import ProfilerActivity, profile

    if ns["device"].type != "cpu":
        pytest.skip("a statement about the CPU kernels")
    sizes = (
        ((128, 128), (64, 64)),
        ((130, 130), (65, 65)),
        ((128, 130), (64, 65)),
        ((20, 30), (40, 60)),
        ((40, 50), (80, 100)),
    )
    into = ns["interpolate_op"](mode, None)[1]
    for channels in (1, 2, 64):
        for dtype in (torch.float32, torch.bfloat16, torch.float16, torch.float64, torch.uint8):
            if dtype == torch.uint8 and mode == "area":
                continue  # no uint8 adaptive average pooling
            for (h, w), (oh, ow) in sizes:
                x = (100 * torch.rand(1, channels, h, w)).to(dtype).contiguous(memory_format=memory_format)
                out = F.interpolate(x, size=(oh, ow), mode=mode)
                with torch.no_grad(), profile(activities=[ProfilerActivity.CPU]) as prof:
                    into(x, (out,))
                converts = mode in ("nearest", "nearest-exact", "bilinear") and memory_format == torch.contiguous_format
                # uint8 bilinear takes the separable kernel: no conversion
                converts = (
                    converts and oh + ow <= 128 and channels > 1 and not (mode == "bilinear" and dtype == torch.uint8)
                )
                # the conversion clones the input into channels_last
                cloned = any(event.name == "aten::clone" for event in prof.events())
                assert cloned == converts, (mode, channels, dtype, (h, w), (oh, ow))
                if dtype != torch.uint8:  # and it allocates both tensors again
                    with torch.no_grad():
                        spent = ns["allocated"](lambda: into(x, (out,)))
                    assert (spent >= x.nbytes + out.nbytes) == converts, (
                        mode,
                        channels,
                        dtype,
                        (h, w),
                        (oh, ow),
                        spent,
                    )


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "bilinear"])
def test_a_one_by_one_side_is_not_converted(mode):
    """The page's exception to "convert the input to channels_last and the result back":
    a 1x1 input or output with several channels is contiguous in both layouts, so that side
    is not cloned (the old wording had both sides converted whenever C > 1)."""
    from torch.profiler import ProfilerActivity, profile

    for channels, dtype in itertools.product((2, 3, 5, 64), (torch.float32, torch.float64)):
        for (h, w), (oh, ow) in (
            ((1, 1), (4, 6)),
            ((1, 1), (2, 2)),
            ((5, 7), (1, 1)),
            ((2, 2), (1, 1)),
            ((4, 6), (2, 3)),
        ):
            x = torch.rand(2, channels, h, w, dtype=dtype)
            with torch.no_grad(), profile(activities=[ProfilerActivity.CPU]) as prof:
                F.interpolate(x, size=(oh, ow), mode=mode)
            clones = sum(event.name == "aten::clone" for event in prof.events())
            assert clones == ((h, w) != (1, 1)) + ((oh, ow) != (1, 1)), (
                mode,
                channels,
                dtype,
                (h, w),
                (oh, ow),
                clones,
            )


@pytest.mark.parametrize("threads", [1, 2])
def test_three_channel_float_bilinear_converts_at_every_size_on_one_thread(ns, threads):
    """The page's exception to the 128 rule: with exactly 3 channels and one thread, floating-point
    bilinear takes the channels-last kernel (and converts an NCHW input) at every output size;
    nearest does not, and neither does any other channel count."""
    from torch.profiler import ProfilerActivity, profile

    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        for mode in ("bilinear", "nearest"):
            into = ns["interpolate_op"](mode, None)[1]
            for channels in (2, 3, 4):
                for dtype in (torch.float32, torch.float64, torch.bfloat16):
                    for (h, w), (oh, ow) in (((130, 130), (65, 65)), ((100, 100), (200, 200))):
                        x = torch.rand(1, channels, h, w, dtype=dtype)
                        out = F.interpolate(x, size=(oh, ow), mode=mode)
                        with torch.no_grad(), profile(activities=[ProfilerActivity.CPU]) as prof:
                            into(x, (out,))
                        cloned = any(event.name == "aten::clone" for event in prof.events())
                        expected = threads == 1 and channels == 3 and mode == "bilinear"
                        assert cloned == expected, (threads, mode, channels, dtype, (oh, ow))
    finally:
        torch.set_num_threads(before)


@pytest.mark.parametrize(
    "mode,antialias",
    [("bilinear", False), ("bilinear", True), ("bicubic", False), ("bicubic", True), ("lanczos", True)],
)
def test_the_avx2_uint8_kernel_unpacks_at_every_size_but_the_inputs_own(ns, mode, antialias):
    """The page: uint8 with at most 4 channels on an AVX2 CPU unpacks into a 4-channel
    buffer, except channels_last with 3 or 4 channels, and except at the input's own size,
    where the kernel only copies."""
    if torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"):
        pytest.skip("the AVX2 kernel")
    op = getattr(torch.ops.aten, f"_upsample_{mode}2d_aa" if antialias else f"upsample_{mode}2d").out

    def allocated(x, out):  # the example's CPU counter: these tensors are on the CPU on any build
        return ns["cpu_allocated"](lambda: op(x, list(out.shape[-2:]), False, None, None, out=out))

    def images(channels, h, w, channels_last):
        x = torch.randint(0, 256, (2, channels, h, w), dtype=torch.uint8)
        return x.contiguous(memory_format=torch.channels_last) if channels_last else x

    for channels, channels_last in [(1, False), (2, False), (3, False), (4, False), (3, True), (4, True)]:
        for h, w in [(16, 16), (17, 9), (2, 40)]:
            x = images(channels, h, w, channels_last)
            for oh, ow in [(h, w), (h, w + 3), (h + 5, w), (h // 2, w * 2)]:
                out = images(channels, oh, ow, channels_last)
                # against a 4-channel channels_last call, which needs no unpacking but the
                # same intermediate buffers: an unpacked image adds 4 bytes a pixel
                extra = allocated(x, out) - allocated(images(4, h, w, True), images(4, oh, ow, True))
                unpacks = (oh, ow) != (h, w) and not channels_last
                assert (extra >= 4 * h * w) == unpacks, (channels, channels_last, (h, w), (oh, ow), extra)
                if (oh, ow) == (h, w):
                    assert allocated(x, out) == 0 and torch.equal(out, x)


def test_the_allocation_count_sees_a_clone_and_not_a_copy(ns):
    x, target = torch.randn(1, 64, 32, 32, device=ns["device"]), torch.empty(1, 64, 32, 32, device=ns["device"])
    assert ns["allocated"](lambda: target.copy_(x)) == 0
    assert ns["allocated"](lambda: x.clone()) >= x.nbytes


def test_max_pooling_writes_int64_indices_even_when_not_asked(ns):
    """The page counts the indices as written bytes: torch computes them either way."""
    x = torch.randn(2, 8, 32, 32, device=ns["device"])
    output = F.max_pool2d(x, 2)
    assert ns["allocated"](lambda: F.max_pool2d(x, 2)) >= output.nbytes + output.numel() * torch.int64.itemsize


# Bytes read: nearest downsampling reads only the lines that hold a picked pixel.
def lines_touched(x, picked, line):
    """Distinct memory lines holding the elements of x where `picked` is true."""
    offsets = x.data_ptr() % line + (picked.nonzero() * torch.tensor(x.stride())).sum(1) * x.element_size()
    return (offsets // line).unique().numel() * line


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 3),
    c=st.integers(1, 70),
    h=st.integers(1, 40),
    w=st.integers(1, 40),
    scale=st.sampled_from([0.5, 0.25, 1 / 3, 0.7, 1.5, 2.0, 3.0]),
    mode=st.sampled_from(["nearest", "nearest-exact"]),
    dtype=st.sampled_from([torch.float32, torch.bfloat16, torch.float64]),
    memory_format=st.sampled_from(FORMATS),
    line=st.sampled_from([32, 64]),
)
def test_nearest_bytes_read_are_the_lines_of_the_picked_pixels(ns, n, c, h, w, scale, mode, dtype, memory_format, line):
    if min(int(h * scale), int(w * scale)) < 1:
        return
    x = torch.zeros(n, c, h, w, dtype=dtype).contiguous(memory_format=memory_format)
    call = lambda t: (F.interpolate(t, scale_factor=scale, mode=mode),)  # noqa: E731
    # An independent way to find the pixels a nearest op reads: its gradient is nonzero there.
    probe = torch.zeros(n, c, h, w, dtype=torch.float64, requires_grad=True)
    call(probe)[0].sum().backward()
    assert ns["bytes_read"](f"interpolate {mode}", call, x, line) == lines_touched(x, probe.grad != 0, line)


def test_nearest_downsampling_by_2_reads_half_in_nchw_and_a_quarter_in_channels_last(ns):
    """The printed shares, as the page states them, for both dtypes."""
    for dtype in (torch.float32, torch.bfloat16):
        for memory_format, share in zip(FORMATS, (0.5, 0.25)):
            x = torch.empty(1, 64, 128, 128, dtype=dtype).contiguous(memory_format=memory_format)
            for name, (call, _, _) in ns["make_ops"](dtype, memory_format).items():
                if "nearest" in name and "down" in name:
                    assert ns["bytes_read"](name, call, x) == share * x.nbytes
    assert "interpolate nearest down reads 50% in float32 NCHW, 25% in float32 channels_last" in ns["printed"]


def test_every_other_op_depends_on_every_input_pixel(ns):
    """Why the byte count takes the whole input for every op but nearest: raising any one
    input pixel changes the output."""
    x = torch.randn(1, 64, 8, 8, generator=torch.Generator().manual_seed(2)).to(ns["device"])
    with torch.no_grad():
        for name, (call, _, _) in ns["make_ops"](torch.float32, torch.contiguous_format).items():
            if "nearest" in name and "down" in name:
                continue
            base = call(x)[0]
            for i in range(8):
                for j in range(8):
                    bumped = x.clone()
                    bumped[0, 0, i, j] += 1000
                    assert not torch.equal(call(bumped)[0], base), (name, i, j)


def test_raising_a_pixel_a_little_need_not_change_the_output():
    # Review 18: "raising any one input pixel changes their output" failed for a small raise:
    # max pooling ignores a non-maximum pixel raised by less than the gap to the maximum.
    x = torch.tensor([[[[0.0, 1.0], [2.0, 3.0]]]])
    bumped = x.clone()
    bumped[0, 0, 0, 0] += 1.0
    assert torch.equal(F.max_pool2d(bumped, 2), F.max_pool2d(x, 2))


def test_backward_bytes_count_the_gradients_and_the_indices(ns):
    x = torch.randn(1, 64, 32, 32)
    ops = ns["make_ops"](torch.float32, torch.contiguous_format)
    op = ops["MaxPool2d(2)"]
    values, indices = op[0](x)
    forward = ns["bytes_moved"]("MaxPool2d(2)", op, x, values.nbytes + indices.nbytes, False)
    both = ns["bytes_moved"]("MaxPool2d(2)", op, x, values.nbytes + indices.nbytes, True)
    assert forward == x.nbytes + values.nbytes + 8 * values.numel()
    assert both - forward == values.nbytes + 8 * values.numel() + x.nbytes  # grad read, indices read, grad written


def test_gpu_sizes_leave_the_h200_l2_cache(ns):
    for shape in ns["benchmark_sizes"](True, False):
        assert torch.Size(shape).numel() * torch.bfloat16.itemsize >= 512 * 2**20


# Findings: no winner named inside the spread.
def test_a_winner_is_named_only_when_it_won_every_paired_round(ns):
    """Each comparison times both calls in turn in the same rounds (two ops measured minutes
    apart see different loads: on this machine bicubic upsampling in channels_last against
    NCHW came out 1.02x, 1.01x and 1.23x in three builds, twice with the ranges apart)."""
    assert len(ns["comparisons"]) >= 8
    for comparison in ns["comparisons"]:
        ratios = comparison["ratios"]
        assert len(ratios) == ns["compare_rounds"] >= 5
        one_side = max(ratios) < 1 or min(ratios) > 1
        assert ("took" in comparison["text"]) == one_side, comparison["text"]
        assert f"ratio {min(ratios):.2f} to {max(ratios):.2f} over {len(ratios)} rounds" in comparison["text"]
        assert comparison["text"] in ns["printed"]


def test_a_comparison_times_both_calls_in_every_round(ns):
    """Interleaved, not one op's rounds after the other's: after one call of each to size
    the blocks, a block of a and a block of b alternate, round after round."""
    calls = []
    ns["compare"]("a", lambda: calls.append("a"), "b", lambda: calls.append("b"))
    ns["comparisons"].pop()
    blocks = re.findall(r"a+|b+", "".join(calls))
    assert blocks[:2] == ["a", "b"] and len(blocks) == 2 + 2 * ns["compare_rounds"]


def test_the_fraction_lists_hold_in_every_round(ns):
    rows = ns["rows"]
    measured = {name for name, row in rows.items() if "fractions" in row}
    # every op at or above half the copy's bandwidth in all rounds is named, and only those
    assert set(ns["fast"]) == {name for name in measured if min(rows[name]["fractions"]) >= 0.5}
    half = next(line for line in ns["printed"].splitlines() if line.startswith("At least half"))
    assert {name for name in measured if f"`{name}`" in half} == set(ns["fast"])
    assert all(max(rows[name]["fractions"]) < 0.1 for name in ns["slow_ops"])
    assert all(max(rows[name]["fractions"]) >= 0.1 for name in ns["others"])
    assert set(ns["slow_ops"]) | set(ns["others"]) == {name for name, row in rows.items() if "fractions" in row}
    sentence = next(line for line in ns["printed"].splitlines() if line.startswith("Under a tenth"))
    named = ns["slow_ops"] if len(ns["slow_ops"]) <= len(ns["others"]) else ns["others"]
    assert all(name in sentence for name in named)


def test_the_fraction_lists_are_those_of_the_first_size_in_float32_nchw_forward(ns):
    """The page (review 32): the two printed lists of shares are for one column, the first size
    in float32, NCHW, forward; the other columns can put other ops on either side of the marks."""
    assert ns["main"] == (ns["sizes"][0], torch.float32, torch.contiguous_format, False)
    main_rows = ns["results"][ns["main"]]["rows"]
    assert set(ns["rows"]) == set(main_rows) - {"x.clone()"}
    assert all(ns["rows"][name] is main_rows[name] for name in ns["rows"])
    assert ns["slow_ops"] == [
        name for name, row in ns["rows"].items() if "fractions" in row and max(row["fractions"]) < 0.1
    ]


def test_every_na_cell_is_an_op_torch_does_not_implement(ns):
    """The page: "n/a" means torch does not implement that combination on this device."""
    for result in ns["results"].values():
        for name, row in result["rows"].items():
            if "error" in row and ns["cell"](row) == "n/a":
                assert "not implemented" in row["error"], (name, row["error"])


def test_antialiased_bfloat16_is_not_implemented_on_the_cpu(ns):
    """The page's example of "n/a"."""
    if ns["device"].type != "cpu":
        pytest.skip("a statement about the CPU build")
    rows = ns["results"][ns["sizes"][0], torch.bfloat16, torch.contiguous_format, False]["rows"]
    assert all(
        "error" in row and "not implemented" in row["error"] for name, row in rows.items() if "antialias" in name
    )


def test_the_untimed_downsample_methods_are_checked_in_float32_and_differ_in_cpu_bfloat16(ns):
    """The page (review 32): the 'not timed again' check runs on a float32 NCHW probe; in
    bfloat16 on the CPU 'antialias-bilinear' returns a result where F.interpolate raises."""
    assert ns["probe"].dtype == torch.float32 and ns["probe"].is_contiguous()
    assert "antialias-bilinear" not in ns["downsample_methods"]  # not timed in any column
    x = torch.rand(1, 4, 16, 16, dtype=torch.bfloat16)
    with pytest.raises(NotImplementedError):
        F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True)
    y = ns["Downsample"](2, method="antialias-bilinear")(x)
    assert y.dtype == torch.bfloat16 and y.shape == (1, 4, 8, 8)


def test_cpu_only_sentences_only_on_a_cpu(ns):
    assert ("CPU time of one thread" in ns["printed"]) == (ns["device"].type == "cpu")


# The page's explanations of why some ops sit far from the copy.
def input_support(mode, scale, antialias=False, size=64, exact_size=False, rounding=0.0):
    """How many input rows and columns one output pixel in the middle depends on (via its
    gradient), ignoring weights below `rounding` times the largest. exact_size passes the
    output size instead of the (rounded) scale_factor."""
    x = torch.zeros(1, 1, size, size, dtype=torch.float64, requires_grad=True)
    resize = {"size": round(size * scale)} if exact_size else {"scale_factor": scale}
    out = F.interpolate(x, mode=mode, antialias=antialias, **resize)
    out[0, 0, out.shape[2] // 2, out.shape[3] // 2].backward()
    touched = x.grad[0, 0].abs() > rounding * x.grad.abs().max()
    return int(touched.any(1).sum()), int(touched.any(0).sum())


def pixels_per_output(mode, scale, antialias=False, size=64, rounding=0.0):
    """For every output column, how many input columns it weighs: the rows of an identity
    matrix resampled along the width (the modes are separable, so rows behave the same)."""
    eye = torch.eye(size, dtype=torch.float64).view(size, 1, 1, size)
    weights = F.interpolate(eye, scale_factor=(1.0, scale), mode=mode, antialias=antialias)[:, 0, 0, :].abs()
    return (weights > rounding * weights.max()).sum(0)


@settings(max_examples=40, deadline=None)
@given(
    factor=st.floats(1.01, 100),
    width=st.integers(2, 40),
    by_size=st.booleans(),
    align_corners=st.booleans(),
    antialias=st.booleans(),
)
def test_enlarging_never_weighs_more_than_2_or_4_columns(factor, width, by_size, align_corners, antialias):
    """The bound over the whole range the page names: any factor from about 1 to 100, given
    as size= or scale_factor=, either align_corners, every output pixel. Review r125-6: the
    bullet does not say plain, so antialiased enlarging too."""
    eye = torch.eye(width, dtype=torch.float64).view(width, 1, 1, width)
    resize = {"size": (1, max(width + 1, round(width * factor)))} if by_size else {"scale_factor": (1.0, factor)}
    for mode, taps in (("bilinear", 2), ("bicubic", 4)):
        weights = F.interpolate(eye, mode=mode, align_corners=align_corners, antialias=antialias, **resize)[:, 0, 0, :]
        assert int((weights != 0).sum(0).max()) <= taps, (mode, factor, width)


@pytest.mark.parametrize("scale", [1.5, 2.0, 3.0, 4.7, 8.0, 17.0, 33.3, 100.0])
def test_bicubic_reads_at_most_4x4_and_bilinear_2x2_per_output_pixel_when_enlarging(scale):
    # Every output pixel, borders included; "up to": the bound is reached.
    assert int(pixels_per_output("bilinear", scale).max()) == 2 and int(pixels_per_output("bicubic", scale).max()) == 4
    assert max(input_support("bilinear", scale)) <= 2 < max(input_support("bicubic", scale)) <= 4


@pytest.mark.parametrize("factor", [2, 3, 4, 5, 6, 8, 9, 16, 17, 49, 50, 93, 99, 100, 101])
def test_antialias_weighs_2s_and_4s_pixels_a_few_fewer_for_odd_factors(factor):
    size = 8 * factor
    for mode, taps in (("bilinear", 2), ("bicubic", 4)):
        # Without antialias: 2 and 4 pixels, but 1 at odd factors given exactly, where the sample lands on a pixel.
        plain = input_support(mode, 1 / factor, size=size, exact_size=True)
        assert plain == (taps if factor % 2 == 0 else 1,) * 2
        for exact_size in (True, False):
            # Antialiased: the outermost taps at odd factors land on zeros, up to rounding.
            width = input_support(mode, 1 / factor, antialias=True, size=size, exact_size=exact_size, rounding=1e-12)
            assert width == (taps * factor if factor % 2 == 0 else taps * factor - taps + 1,) * 2
            # No output pixel, at the borders either, weighs more.
            assert int(pixels_per_output(mode, 1 / factor, antialias=True, size=size, rounding=1e-12).max()) == width[0]


def test_antialiased_bicubic_at_odd_factors_also_loses_two_inner_taps():
    """The page: at an odd factor s the outermost taps land on zeros of the filter, and for
    bicubic also the two taps s pixels from the centre, so its 4s - 3 pixels are not one run:
    the zeros are not only at the ends (the old wording put them there)."""
    for s in range(3, 42, 2):
        width = 10 * s
        rows = torch.eye(width, dtype=torch.float64).view(width, 1, 1, width)
        for mode, taps in (("bilinear", 2), ("bicubic", 4)):
            column = F.interpolate(rows, size=(1, 10), mode=mode, antialias=True)[:, 0, 0, 5]
            counted = (column.abs() > 1e-12).nonzero().flatten().tolist()
            assert len(counted) == taps * s - taps + 1, (mode, s)
            centre = 5 * s + (s - 1) // 2  # the input pixel under output 5's centre
            gaps = sorted(set(range(counted[0], counted[-1] + 1)) - set(counted))
            assert gaps == ([centre - s, centre + s] if mode == "bicubic" else []), (mode, s, gaps)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("memory_format", FORMATS)
def test_zero_weights_at_odd_factors_are_still_read(dtype, memory_format):
    """Review 58: the page says the pixels with zero weight at odd factors are still read and
    multiplied by 0: plain bilinear the pixel after its sample, antialiased bilinear the pixel
    after its last weighted one. An inf there reaches the sample, and the plain sample is
    its pixel in value only: a -0.0 between positive pixels comes back +0.0."""
    for s in range(3, 42, 2):
        width = 10 * s
        rows = torch.eye(width, dtype=torch.float64).view(width, 1, 1, width)
        centre = 5 * s + (s - 1) // 2  # the input pixel under output 5's centre
        for antialias, after in ((False, centre + 1), (True, centre + s)):
            column = F.interpolate(rows, size=(1, 10), mode="bilinear", antialias=antialias)[:, 0, 0, 5]
            assert (column[after:].abs() <= 1e-12).all() and column[after - 1] > 1e-6, (antialias, s)
            x = torch.rand(1, 3, 2, width, dtype=dtype, generator=torch.Generator().manual_seed(s)) + 1
            x[..., after] = float("inf")
            sample = F.interpolate(
                x.contiguous(memory_format=memory_format), size=(2, 10), mode="bilinear", antialias=antialias
            )[..., 5]
            # plain weights are exactly 0 (0 * inf = NaN); antialiased ones only up to rounding, so inf or NaN
            assert (sample.isnan() if not antialias else ~sample.isfinite()).all(), (antialias, s)
        x = torch.rand(1, 3, 2, width, dtype=dtype, generator=torch.Generator().manual_seed(s)) + 1
        x[..., centre] = -0.0
        sample = F.interpolate(x.contiguous(memory_format=memory_format), size=(2, 10), mode="bilinear")[..., 5]
        assert (sample == 0).all() and not sample.signbit().any(), s


@pytest.mark.parametrize("threads", [1, 2])
def test_a_minus_zero_plain_sample_comes_back_plus_zero_in_bicubic_too(threads):
    """The page's 'Even between finite pixels the plain sample equals its pixel in value only: a -0.0
    between positive pixels comes back +0.0' closes a passage on plain bilinear and bicubic at odd
    factors; the test above checked it in bilinear only. Bicubic's sample also takes its pixel with
    weight 1 and its three neighbours with weight 0, and 0 * a positive pixel is +0.0, so the sum is
    +0.0 too: every odd s up to 41, four float dtypes, 1, 3 and 8 channels (3 on one thread takes the
    channels-last kernel), both memory formats."""
    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        for mode, dtype, memory_format, channels in itertools.product(
            ("bilinear", "bicubic"),
            (torch.float16, torch.bfloat16, torch.float32, torch.float64),
            FORMATS,
            (1, 3, 8),
        ):
            for s in range(3, 42, 2):
                width = 10 * s
                centre = 5 * s + (s - 1) // 2  # the input pixel under output 5's centre
                g = torch.Generator().manual_seed(s)
                x = torch.rand(1, channels, 2, width, generator=g).to(dtype) + 1
                x[..., centre] = -0.0
                sample = F.interpolate(x.contiguous(memory_format=memory_format), size=(2, 10), mode=mode)[..., 5]
                assert (sample == 0).all() and not sample.signbit().any(), (mode, dtype, memory_format, channels, s)
                x[..., centre] = 0.25  # and a finite pixel comes back exactly, in value
                sample = F.interpolate(x.contiguous(memory_format=memory_format), size=(2, 10), mode=mode)[..., 5]
                assert (sample == 0.25).all(), (mode, dtype, memory_format, channels, s)
    finally:
        torch.set_num_threads(before)
    assert_pages_say(
        (
            "performance.md",
            "Even between finite pixels the plain sample equals its pixel in value only: a −0.0 between positive pixels comes back +0.0.",
        ),
        (
            "performance.zh.md",
            "即使相邻像素都是有限值，不开抗混叠的采样结果也只是在数值上等于它那个像素：夹在正数像素之间的 −0.0 会变成 +0.0。",
        ),
    )


@pytest.mark.parametrize("factor", [2, 3, 4])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_antialias_one_pixel_wide_output_weighs_only_what_its_first_row_does(factor, dtype):
    """The page's exception to 2s and 4s: on the CPU, an output one pixel wide from an input
    whose height changes repeats its first row, so an interior row weighs the first row's
    (border) pixels; two pixels wide, it weighs the full 2s and 4s."""
    torch.manual_seed(0)
    for mode, taps in (("bilinear", 2), ("bicubic", 4)):
        for width, out_width in ((factor, 1), (2 * factor, 2)):
            x = torch.rand(1, 1, 8 * factor, width, dtype=dtype)
            out = F.interpolate(x, size=(8, out_width), mode=mode, antialias=True)
            rows = set()  # the input rows that output pixel (4, 0) depends on
            for i in range(8 * factor):
                bumped = x.clone()
                bumped[0, 0, i] += 1
                if F.interpolate(bumped, size=(8, out_width), mode=mode, antialias=True)[0, 0, 4, 0] != out[0, 0, 4, 0]:
                    rows.add(i)
            expected = taps * factor if factor % 2 == 0 else taps * factor - taps + 1
            if out_width == 1:
                assert torch.equal(out, out[:, :, :1].expand_as(out)), (mode, factor)
                assert len(rows) < expected and max(rows) < 2 * taps * factor, (mode, factor, rows)
            else:
                assert len(rows) == expected, (mode, factor, rows)


def test_the_one_pixel_wide_bug_strikes_float32_and_float64_the_other_float_types_are_refused():
    """Review 65: the bullet said "from a float input"; the CPU's antialiased kernels take float32 and float64
    only (and uint8): float16, bfloat16, the float8 types and complex raise instead of repeating the first row."""
    x = torch.rand(1, 2, 12, 6, dtype=torch.float64)
    float8 = [d for d in vars(torch).values() if isinstance(d, torch.dtype) and str(d).startswith("torch.float8")]
    for mode in ("bilinear", "bicubic"):
        for dtype in (torch.float32, torch.float64):
            out = F.interpolate(x.to(dtype), size=(4, 1), mode=mode, antialias=True)
            assert torch.equal(out, out[:, :, :1].expand_as(out)), (mode, dtype)
        for dtype in (torch.float16, torch.bfloat16, *float8, torch.complex64, torch.complex128):
            with pytest.raises(RuntimeError, match="not implemented|not supported"):
                F.interpolate(x.to(dtype), size=(4, 1), mode=mode, antialias=True)
    docs = Path(__file__).resolve().parents[2] / "docs"
    page = " ".join((docs / "performance.md").read_text(encoding="utf-8").split())
    assert "one pixel wide from a float32 or float64 input (the only floating-point types" in page
    assert "float32 或 float64 输入（CPU 上的抗混叠内核只接受这两种浮点类型）" in (
        docs / "performance.zh.md"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize("channels", [1, 2, 3, 4, 5, 64])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_the_one_pixel_wide_bug_needs_a_contiguous_input(channels, dtype):
    """The bug strikes contiguous float input (one-channel channels_last is contiguous too);
    channels_last with more channels computes every row."""
    torch.manual_seed(0)
    x = torch.rand(1, channels, 12, 6, dtype=dtype)
    for mode in ("bilinear", "bicubic"):
        for memory_format in FORMATS:
            # Review 65: .clone builds channels_last strides even for one channel (.contiguous returns x unchanged)
            y = x.clone(memory_format=memory_format)
            assert (y.stride(1) == 1) == (memory_format == torch.channels_last)
            out = F.interpolate(y, size=(4, 1), mode=mode, antialias=True)
            repeats_first_row = torch.equal(out, out[:, :, :1].expand_as(out))
            assert repeats_first_row == (memory_format == torch.contiguous_format or channels == 1), (mode, channels)


@pytest.mark.parametrize("factor", [2, 4, 6, 8, 16, 50, 100])
@pytest.mark.parametrize("exact_size", [True, False])
def test_plain_bicubic_weighs_3_pixels_at_the_borders_only_at_factor_2(factor, exact_size):
    # A tap outside the input is clamped onto the border pixel, which at s = 2 is already a tap.
    size = 8 * factor
    eye = torch.eye(size, dtype=torch.float64).view(size, 1, 1, size)
    resize = {"size": (1, 8)} if exact_size else {"scale_factor": (1.0, 1 / factor)}
    for mode, taps in (("bilinear", 2), ("bicubic", 4)):
        counts = (F.interpolate(eye, mode=mode, **resize)[:, 0, 0, :] != 0).sum(0).tolist()
        border = 3 if (mode, factor) == ("bicubic", 2) else taps
        assert counts == [border] + [taps] * 6 + [border], (mode, factor)


@pytest.mark.parametrize("factor", [2, 4, 6, 8, 16, 50, 100])
def test_antialias_weighs_fewer_than_2s_and_4s_pixels_at_the_borders(factor):
    # "2s and 4s" holds away from the borders; the first and last output pixels lose the taps
    # that fall outside the input, at every even factor.
    for mode, taps in (("bilinear", 2), ("bicubic", 4)):
        counts = pixels_per_output(mode, 1 / factor, antialias=True, size=8 * factor, rounding=1e-12)
        assert int(counts.max()) == taps * factor, (mode, factor)
        assert int(counts[0]) < taps * factor and int(counts[-1]) < taps * factor, (mode, factor)


def test_a_rounded_scale_factor_misses_the_pixel_as_the_page_shows(ns):
    """The counterexamples the page prints: 1/49 is rounded, and the plain bilinear sample
    then takes a second pixel with a weight of rounding size."""
    assert input_support("bilinear", 1 / 49, size=8 * 49) == (2, 2)
    assert input_support("bilinear", 1 / 49, size=8 * 49, exact_size=True) == (1, 1)
    assert input_support("bilinear", 1 / 49, size=8 * 49, rounding=1e-12) == (1, 1)
    lines = ns["printed"].splitlines()
    sizes = next(line for line in lines if line.startswith("size=:"))
    factors = next(line for line in lines if line.startswith("scale_factor=1/s:"))
    assert "but" not in sizes and "but s = 49," in factors and "weighs 2" in factors


def test_scaling_slopes_come_from_the_two_largest_sizes(ns):
    assert set(ns["slopes"]) == set(ns["scaling_ops"])
    for name, slope in ns["slopes"].items():
        low, high = slope["range"]
        assert low <= slope["slope"] <= high, name
        assert (
            f"slope between the two largest sizes {slope['slope']:.2f} (over the rounds {low:.2f} to {high:.2f})"
            in ns["printed"]
        )


def test_scaling_times_calls_that_do_not_allocate_their_output(ns):
    """On a CPU a fresh output of 64 MiB costs new pages on every call (nearest upsampling of
    1x64x256x256: 45 ms allocating, 10 ms into a preallocated output), which bent the line."""
    side = ns["sides"][-1]
    x = torch.randn(ns["batch"], 64, side, side, device=ns["device"])
    ops = ns["make_ops"](torch.float32, torch.contiguous_format)
    for name in ns["scaling_ops"]:
        call, into, _ = ops[name]
        if into is not None:
            with torch.no_grad():
                written = sum(o.nbytes for o in call(x))
                saved = ns["allocated"](lambda call=call: call(x)) - ns["allocated"](
                    ns["prepared"](name, tuple(x.shape))
                )
            assert saved >= written, name


def test_table_starts_on_its_own_line(ns):
    """A label right above a Markdown table breaks it (finding C1)."""
    lines = ns["printed"].splitlines()
    for i, line in enumerate(lines):
        if line.startswith("| op |"):
            assert lines[i - 1] == "" and lines[i + 1].startswith("|---|")


def test_float32_convolutions_may_run_in_tf32_by_default():
    """The page: PyTorch lets cuDNN run float32 convolutions in TF32 unless told otherwise."""
    assert torch.backends.cudnn.allow_tf32


def test_the_cpu_sizes_are_the_ones_the_page_names(ns):
    """The page: 4 MiB and 128 MiB in float32 on a CPU."""
    first, second = ns["benchmark_sizes"](False, False)
    assert torch.Size(first).numel() * 4 == 4 * 2**20 and torch.Size(second).numel() * 4 == 128 * 2**20


def test_every_4d_mode_of_interpolate_is_timed_but_lanczos(ns):
    """The page: every mode F.interpolate offers for 4-D input, lanczos excepted (CPU only and
    antialiased only). The modes come from F.interpolate's source, so a new one fails here."""
    import inspect

    modes = set(re.findall(r'mode == "([a-z-]+)"', inspect.getsource(F.interpolate)))
    x = torch.randn(1, 2, 8, 8)
    four_d = set()
    for mode in modes:
        for antialias in (False, True):
            try:
                F.interpolate(x, scale_factor=0.5, mode=mode, antialias=antialias)
                four_d.add(mode)
            except (ValueError, NotImplementedError, RuntimeError):
                pass
    timed = {
        name.split()[1]
        for name in ns["make_ops"](torch.float32, torch.contiguous_format)
        if name.startswith("interpolate ")
    }
    assert "lanczos" in four_d and timed == four_d - {"lanczos"}
    with pytest.raises(ValueError, match="antialias=True"):
        F.interpolate(x, scale_factor=0.5, mode="lanczos")
    if ns["device"].type == "cuda":
        with pytest.raises((RuntimeError, NotImplementedError)):
            F.interpolate(x.cuda(), scale_factor=0.5, mode="lanczos", antialias=True)


def test_a_fixed_per_call_cost_cannot_lower_a_cpu_slope_by_more_than_a_few_hundredths(ns):
    """The page: a slope below 1 on the CPU does not come from a fixed per-call cost. A whole
    call on a 4x4 input bounds that cost; against the call at 128x128 it is a few percent at
    most, and a fixed share f lowers the slope between 128 and 256 to log4(4 - 3f) at least."""
    import math
    import time

    if ns["device"].type != "cpu":
        pytest.skip("a statement about the CPU")

    def fastest(fn, calls):
        fn()
        times = []
        for _ in range(5):
            started = time.process_time()
            for _ in range(calls):
                fn()
            times.append((time.process_time() - started) / calls)
        return min(times)

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with torch.no_grad():
            for name in ns["scaling_ops"]:
                fixed = fastest(ns["prepared"](name, (1, 64, 4, 4)), 200)
                share = fixed / fastest(ns["prepared"](name, (1, 64, 128, 128)), 3)
                assert share < 0.04 and math.log(4 - 3 * share, 4) > 0.97, (name, share)
    finally:
        torch.set_num_threads(threads)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize("memory_format", FORMATS)
def test_antialiased_cpu_kernels_need_an_intermediate_only_when_both_dimensions_change(ns, mode, memory_format):
    if ns["device"].type != "cpu":
        pytest.skip("a statement about the CPU kernels")
    into = ns["interpolate_op"](mode, None, antialias=True)[1]
    x = torch.randn(1, 16, 64, 64).contiguous(memory_format=memory_format)
    for size in ((32, 32), (128, 128), (32, 128), (64, 32), (32, 64), (64, 128), (128, 64)):
        out = F.interpolate(x, size=size, mode=mode, antialias=True).contiguous(memory_format=memory_format)
        with torch.no_grad():
            spent = ns["allocated"](lambda: into(x, (out,)))
        both = size[0] != 64 and size[1] != 64
        # the intermediate holds one dimension resized: at least the smaller of input and output
        assert (spent >= min(x.nbytes, out.nbytes) / 2) == both, (size, spent)


# The four ops of the separable CPU kernel that takes uint8 (AVX2 code for up to 4 channels).
UINT8_SEPARABLE_OPS = {
    "bilinear": torch._C._nn.upsample_bilinear2d,
    "bilinear, antialias": torch._C._nn._upsample_bilinear2d_aa,
    "bicubic": torch._C._nn.upsample_bicubic2d,
    "bicubic, antialias": torch._C._nn._upsample_bicubic2d_aa,
    # review 24: lanczos (antialiased only) takes the same AVX2 uint8 kernel
    "lanczos, antialias": torch._C._nn._upsample_lanczos2d_aa,
}


def test_uint8_with_at_most_4_channels_is_unpacked_on_avx2_cpus(ns):
    """The page's exception: on AVX2 CPUs, uint8 bilinear and bicubic (plain and antialiased)
    and antialiased lanczos with at most 4 channels unpack the input into a 4-channel buffer at
    every size, even when only one dimension changes, unless the input is channels_last
    with 3 or 4 channels."""
    if torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"):
        pytest.skip("a statement about AVX2 CPUs")

    allocated = ns["cpu_allocated"]  # these tensors are on the CPU on any build

    h, w = 64, 64
    for name, op in UINT8_SEPARABLE_OPS.items():
        for size in ((64, 32), (32, 64), (32, 32), (96, 96)):  # one dimension, both, output sum over 128
            for channels in (1, 2, 3, 4):
                spent = {}
                for memory_format in FORMATS:
                    x = torch.randint(0, 256, (1, channels, h, w), dtype=torch.uint8).contiguous(
                        memory_format=memory_format
                    )
                    out = torch.empty_like(op(x, size, False, None, None))
                    spent[memory_format] = allocated(lambda: op(x, size, False, None, None, out=out))
                nchw, channels_last = spent[torch.contiguous_format], spent[torch.channels_last]
                assert nchw >= 4 * h * w, (name, size, channels, nchw)  # the unpacked input
                if channels in (3, 4):  # channels_last skips the unpacking
                    assert nchw - channels_last >= 4 * h * w, (name, size, channels, spent)
                else:
                    assert channels_last >= 4 * h * w, (name, size, channels, channels_last)


def test_plain_bicubic_at_factor_2_to_a_single_pixel_weighs_2_not_3():
    # Review 8: "at s = 2 the first and last weigh 3" fails when the output is one pixel wide:
    # all four taps fall on the 2 inputs.
    eye = torch.eye(2, dtype=torch.float64).view(2, 1, 1, 2)
    for resize in ({"size": (1, 1)}, {"scale_factor": (1.0, 0.5)}):
        counts = (F.interpolate(eye, mode="bicubic", **resize)[:, 0, 0, :] != 0).sum(0).tolist()
        assert counts == [2], resize


@pytest.mark.parametrize("width", range(3, 42))
def test_plain_bicubic_at_factor_2_weighs_3_pixels_at_the_last_output_only_on_even_sizes(width):
    # Review 12: "the first and last weigh 3" holds for the last output only when 2 divides
    # the size; on an odd size (7 -> 3) the last output's four taps all fall inside.
    eye = torch.eye(width, dtype=torch.float64).view(width, 1, 1, width)
    counts = (F.interpolate(eye, scale_factor=(1.0, 0.5), mode="bicubic")[:, 0, 0, :] != 0).sum(0)
    assert int(counts[0]) == 3
    assert int(counts[-1]) == (3 if width % 2 == 0 or width == 3 else 4), width


def test_plain_bicubic_7_to_3_given_as_size_steps_by_7_3_not_2():
    # Review 13: "on an odd size, 7 -> 3, the last weighs 4" holds for scale_factor=0.5 only;
    # given size=3 the step is 7/3: the last output weighs 3 pixels and the middle one 1.
    eye = torch.eye(7, dtype=torch.float64).view(7, 1, 1, 7)
    by_factor = (F.interpolate(eye, scale_factor=(1.0, 0.5), mode="bicubic")[:, 0, 0, :] != 0).sum(0).tolist()
    by_size = (F.interpolate(eye, size=(1, 3), mode="bicubic")[:, 0, 0, :] != 0).sum(0).tolist()
    assert by_factor == [3, 4, 4] and by_size == [3, 1, 3]
    # Review r124-6: the page added 'in plain bilinear too', which the zh applied to both counts; plain bilinear
    # puts the middle one on pixel 3 alone too, but its last weighs 2, not 3: the clause is gone.
    for dtype in (torch.float32, torch.float64):
        eye = torch.eye(7, dtype=dtype).view(7, 1, 1, 7).expand(7, 3, 1, 7)
        for layout in (torch.contiguous_format, torch.channels_last):
            bilinear = F.interpolate(eye.clone(memory_format=layout), size=(1, 3), mode="bilinear")
            assert (bilinear[:, 0, 0, :] != 0).sum(0).tolist() == [2, 1, 2], (dtype, layout)
    assert_pages_say(
        ("performance.md", "the last weighs 3 and the middle one, on pixel 3, 1); a single output pixel from 2 inputs"),
        (
            "performance.zh.md",
            "最后一个只用到 3 个，中间那个落在像素 3 上，只用到 1 个）；由 2 个输入像素缩成 1 个输出像素时",
        ),
    )


def test_the_printed_count_of_measurements_and_rounds_holds(ns):
    # Review 13: the line printed "{all rows} measurements of 5 rounds each", counting the
    # "n/a" and "skipped" rows too, while the second size runs 3 rounds.
    rounds = {}
    for config, name, row in timed_rows(ns):
        rounds[len(row["times"])] = rounds.get(len(row["times"]), 0) + 1
    assert set(rounds) == {ns["rounds"], 3}
    expected = f"{len(ns['results'])} configurations, {rounds[ns['rounds']]} measurements of {ns['rounds']} rounds each and {rounds[3]} of 3"
    assert expected in ns["printed"]


FAULTS_PER_CLONE = """
import json, mmap, resource, torch

def faults(action):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    action()
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

def per_clone(mib):
    x = torch.ones(mib * 2**18)
    return [faults(x.clone) for _ in range(40)]

def touch_a_fresh_map():  # the control: pages the kernel must fault in, one write per 4 KiB
    with mmap.mmap(-1, 64 * 2**20) as m:
        m[:: 4096] = bytes(len(range(0, 64 * 2**20, 4096)))

print(json.dumps({"control": faults(touch_a_fresh_map), "above": per_clone(64), "below": {mib: per_clone(mib) for mib in (4, 16)}}))
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc" or not hasattr(resource, "getrusage"), reason="glibc's allocator")
def test_a_fresh_allocation_gets_new_pages_on_every_call_only_above_the_mmap_threshold():
    # Review 13: "a large allocation gets new pages on every call" fails at 4 and 16 MiB,
    # where glibc reuses the freed block; from 32 MiB on, every clone faults its pages in.
    # A fresh process: the page speaks of glibc's own thresholds, which a test worker's earlier
    # allocations (hundreds of tests, several libraries) can leave anywhere; and without the
    # settings that replace or tune glibc's allocator.
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("MALLOC_", "GLIBC_TUNABLES", "LD_PRELOAD"))}
    run = subprocess.run([sys.executable, "-c", FAULTS_PER_CLONE], capture_output=True, text=True, check=True, env=env)
    counts = json.loads(run.stdout)
    if counts["control"] < 32:
        pytest.skip(f"this kernel does not count minor page faults ({counts['control']} for a fresh 64 MiB map)")
    assert min(counts["above"]) >= 32  # 16384 with 4 KiB pages, 32 with 2 MiB huge pages: every call
    # below, "mostly reused": most calls fault in almost none of the block's pages (1024 or 4096). The first
    # calls after the first can still fault the block in, up to 10 of them in some processes (review 69).
    for mib, calls in counts["below"].items():
        assert sum(count < 64 for count in calls) > len(calls) / 2, (mib, calls)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_a_batch_of_one_permuted_from_hwc_hits_the_one_pixel_wide_bug(dtype):
    """hwc.permute(2, 0, 1)[None] is channels_last yet hits the bug, like a contiguous input and
    a strided slice; a channels_last copy of several channels, or an NHWC batch permuted, does not."""
    torch.manual_seed(0)
    hwc = torch.rand(12, 6, 3, dtype=dtype)
    view = hwc.permute(2, 0, 1)[None]
    assert view.is_contiguous(memory_format=torch.channels_last)
    inputs = {
        "contiguous": view.contiguous(),
        "strided slice": torch.rand(1, 3, 12, 12, dtype=dtype)[..., ::2],
        "channels_last view": view,
        "channels_last copy": view.contiguous().contiguous(memory_format=torch.channels_last),
        "NHWC batch permuted": torch.rand(2, 12, 6, 3, dtype=dtype).permute(0, 3, 1, 2),
    }
    escapes = ("channels_last copy", "NHWC batch permuted")
    for mode in ("bilinear", "bicubic"):
        for name, x in inputs.items():
            out = F.interpolate(x, size=(4, 1), mode=mode, antialias=True)
            repeats_first_row = torch.equal(out, out[:, :, :1].expand_as(out))
            assert repeats_first_row == (name not in escapes), (mode, name)


UINT8_ONE_PIXEL_WIDE = """
import torch, torch.nn.functional as F
torch.manual_seed(0)
hit = []
for channels in (1, 2, 3, 4, 5, 8):
    x = torch.randint(0, 256, (1, channels, 12, 6), dtype=torch.uint8)
    for mode in ("bilinear", "bicubic"):
        for antialias in (False, True):
            out = F.interpolate(x, size=(4, 1), mode=mode, antialias=antialias)
            hit.append((channels, mode, antialias, torch.equal(out, out[:, :, :1].expand_as(out))))
print(torch.backends.cpu.get_cpu_capability(), hit)
"""


@pytest.mark.parametrize("capability", [None, "default"])
def test_the_one_pixel_wide_bug_hits_uint8_with_more_than_4_channels_or_without_avx2(capability):
    # Review 16: the page named float input only; uint8 takes the same separable kernel, plain
    # or antialiased, unless AVX2's kernel (at most 4 channels) runs.
    import ast

    out = run_python(UINT8_ONE_PIXEL_WIDE, **({"ATEN_CPU_CAPABILITY": capability} if capability else {}))
    cpu, hits = out.split(" ", 1)
    avx2 = cpu in ("AVX2", "AVX512")
    if capability is None and not avx2:
        pytest.skip(f"this CPU runs {cpu}")
    for channels, mode, antialias, repeats_first_row in ast.literal_eval(hits):
        assert repeats_first_row == (channels > 4 or not avx2), (cpu, channels, mode, antialias)


def test_avx2_uint8_copies_an_input_in_neither_layout_to_channels_last_first(ns):
    """Review 17: an input that is neither NCHW- nor channels_last-contiguous (a column crop) is
    first copied to channels_last; with 3 or 4 channels that copy replaces the unpacking."""
    if torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"):
        pytest.skip("a statement about AVX2 CPUs")
    allocated = ns["cpu_allocated"]
    h, w = 64, 64
    for (name, op), size, channels, crop_format in itertools.product(
        UINT8_SEPARABLE_OPS.items(), ((64, 32), (32, 64), (32, 32), (96, 96)), (1, 2, 3, 4), FORMATS
    ):
        wide = torch.randint(0, 256, (1, channels, h, w + 8), dtype=torch.uint8).contiguous(memory_format=crop_format)
        crop = wide[..., :w]
        assert not crop.is_contiguous() and not crop.is_contiguous(memory_format=torch.channels_last)
        spent = {}
        for label, x in (("crop", crop), ("same layout, contiguous", crop.contiguous(memory_format=crop_format))):
            out = torch.empty_like(op(x, size, False, None, None))  # the layout the op itself picks
            spent[label] = allocated(lambda x=x, out=out: op(x, size, False, None, None, out=out))
            assert torch.equal(out, op(crop.contiguous(), size, False, None, None)), (name, label)
        extra = spent["crop"] - spent["same layout, contiguous"]
        if crop_format == torch.channels_last:  # one channels_last copy of the crop, nothing else
            assert extra == channels * h * w, (name, size, channels, spent)
        elif channels in (3, 4):  # the copy (3 or 4 bytes a pixel) instead of the 4-byte unpacked image
            assert spent["crop"] >= channels * h * w and extra <= -(channels == 3) * h * w, (
                name,
                size,
                channels,
                spent,
            )


def test_a_channels_last_input_that_is_also_nchw_contiguous_needs_no_copy():
    """Review 17: the CUDA antialiased kernels call input.contiguous(), which copies a channels_last
    input only when it is not NCHW-contiguous too; with one channel (or a 1x1 map) it is both."""
    for shape, both in (((2, 1, 5, 7), True), ((2, 3, 1, 1), True), ((2, 3, 5, 7), False), ((1, 2, 1, 4), False)):
        x = torch.rand(shape).clone(memory_format=torch.channels_last)  # Review 65: .contiguous kept NCHW strides
        assert x.is_contiguous(memory_format=torch.channels_last) and x.stride(1) == 1
        assert (x.contiguous().data_ptr() == x.data_ptr()) == both, shape


@pytest.mark.parametrize("width,size", [(8, 4), (16, 8), (12, 3), (24, 6), (40, 10)])
def test_the_2s_and_4s_counts_need_align_corners_false(width, size):
    """Review 24: the bullet's counts hold for align_corners=False only. With True the samples step
    by (H - 1) / (h - 1): the first sits on pixel 0 alone, and antialiased bilinear reads more than 2s."""
    s = width // size
    eye = torch.eye(width, dtype=torch.float64).view(width, 1, 1, width)

    def counts(mode, antialias, align_corners):
        out = F.interpolate(eye, size=(1, size), mode=mode, antialias=antialias, align_corners=align_corners)
        return (out[:, 0, 0, :].abs() > 1e-12).sum(0).tolist()

    assert counts("bilinear", False, False) == [2] * size
    assert max(counts("bilinear", True, False)) == 2 * s
    assert counts("bilinear", False, True)[0] == counts("bicubic", False, True)[0] == 1
    assert max(counts("bilinear", True, True)) > 2 * s
    if (width, size) == (8, 4):  # the page's case
        assert max(counts("bilinear", True, True)) == 5
        # Review 64: only plain interpolation puts the first sample on pixel 0 alone; antialiased keeps the
        # half-step offset, and its first sample weighs pixels 0 to 2 (up to rounding: see the next test)
        assert counts("bilinear", True, True)[0] == 3


def test_the_first_antialiased_align_corners_sample_takes_more_than_pixel_0_and_another_weighs_5():
    """Review 120-6: the page said that antialiased 8 -> 4 with align_corners=True puts 'the first sample' on
    3 pixels. Counting every weight that is not 0, it is 3 in float32 and uint8 but 4 in float64, where pixel 3
    gets a rounding error of about 1e-16 (an inf there makes the first output inf). The page now says that the
    first sample does not take pixel 0 alone, where plain interpolation does, and that another one weighs 5."""
    first = {}
    for dtype in (torch.float32, torch.float64, torch.uint8):
        eye = (torch.eye(8) * (255 if dtype == torch.uint8 else 1)).to(dtype).view(8, 1, 1, 8)
        for align_corners, antialias in ((True, True), (True, False)):
            out = F.interpolate(eye, size=(1, 4), mode="bilinear", antialias=antialias, align_corners=align_corners)
            counts = (out[:, 0, 0, :] != 0).sum(0).tolist()
            if antialias:
                first[dtype] = counts[0]
                assert counts[0] > 1 and 5 in counts[1:] and max(counts) == 5, (dtype, counts)
            else:
                assert counts[0] == 1, (dtype, counts)
    assert first == {torch.float32: 3, torch.float64: 4, torch.uint8: 3}
    assert_pages_say(
        (
            "performance.md",
            "so there the first sample does not take pixel 0 alone, and in bilinear another one weighs 5, not 4",
        ),
        (
            "performance.zh.md",
            "所以 8 → 4 时它的第一个采样点不只取像素 0 一个，双线性下另一个采样点用到 5 个像素而不是 4 个",
        ),
    )


_BICUBIC_8_TO_4 = """
import torch, torch.nn.functional as F
eye = torch.eye(8, dtype=torch.float64).view(8, 1, 1, 8)
out = F.interpolate(eye, size=(1, 4), mode="bicubic", antialias=True, align_corners=True)
print(*(out[:, 0, 0, :] != 0).sum(0).tolist())
"""


@pytest.mark.parametrize("capability", ["avx2", "default"])
def test_another_antialiased_align_corners_sample_weighs_5_in_bilinear_not_in_float64_bicubic(capability):
    """Review 122-6: 'so there the first sample does not take pixel 0 alone, and another one weighs 5, not 4' named
    no mode, in a passage about bilinear and bicubic. Antialiased bicubic 8 -> 4 with align_corners=True in float64
    weighs 6, 8, 7, 4 pixels with AVX2 code and 5, 8, 6, 4 without: no sample after the first weighs 5 (and 4 is
    bilinear's count, not bicubic's 8). The page now says 'in bilinear'."""
    counts = [int(n) for n in run_python(_BICUBIC_8_TO_4, ATEN_CPU_CAPABILITY=capability).split()]
    assert counts[0] > 1 and 5 not in counts[1:], counts
    assert_pages_say(
        ("performance.md", "and in bilinear another one weighs 5, not 4"),
        ("performance.zh.md", "双线性下另一个采样点用到 5 个像素而不是 4 个"),
    )


@pytest.mark.parametrize("width,size", [(41, 11), (81, 9), (100, 12), (37, 13)])
def test_align_corners_true_antialiasing_steps_by_h_minus_1_over_h_minus_1_with_a_half_step_offset(width, size):
    """Review 64: with align_corners=True the antialiased samples step by (H - 1) / (h - 1) but are not
    corner-aligned: away from the borders, sample i is centred at that step times (i + 1/2), minus 1/2, where
    plain bilinear puts it at the step times i."""
    step = (width - 1) / (size - 1)
    ramp = torch.arange(width, dtype=torch.float64).view(1, 1, 1, width)
    aa = F.interpolate(ramp, size=(1, size), mode="bilinear", antialias=True, align_corners=True).flatten()
    plain = F.interpolate(ramp, size=(1, size), mode="bilinear", align_corners=True).flatten()
    for i in range(size):
        if step * (i + 0.5) - 0.5 - step >= 0 and step * (i + 0.5) - 0.5 + step <= width - 1:  # filter inside
            assert aa[i].item() == pytest.approx(step * (i + 0.5) - 0.5, abs=1e-9), i
            assert plain[i].item() == pytest.approx(step * i, abs=1e-9), i
    assert aa[0] > 0.5 and plain[0] == 0
    root = Path(__file__).resolve().parents[2]
    page = " ".join((root / "docs" / "performance.md").read_text(encoding="utf-8").split())
    assert (
        "antialiased interpolation keeps the half-step offset" in page
        and "8 → 4 puts the first on pixel 0 alone" in page
    )
    assert "抗混叠插值则保留 `align_corners=False` 时半个间距的偏移" in (root / "docs" / "performance.zh.md").read_text(
        encoding="utf-8"
    )


def test_the_bullets_bilinear_downsampling_conversion_needs_float_and_more_than_one_channel():
    """Review 30: the antialiasing bullet said plain bilinear downsampling to an output of at most
    128 high plus wide "converts an NCHW input to channels_last and back". uint8 input (separable
    kernel) and a single channel (already channels_last) are not converted, and a 1x1 result is
    not converted back: the sentence now names float, more than one channel and the 1x1 case."""
    from torch.profiler import ProfilerActivity, profile

    for dtype in (torch.float32, torch.float64, torch.bfloat16, torch.float16, torch.uint8):
        for channels in (1, 2, 3, 5, 64):
            for (h, w), (oh, ow) in (((128, 128), (64, 64)), ((9, 7), (3, 2)), ((4, 6), (1, 1)), ((2, 40), (1, 20))):
                if dtype == torch.uint8 and (oh, ow) == (1, 1):
                    continue  # the 3-channel uint8 -> 1x1 internal assert, a bug of its own
                x = (100 * torch.rand(1, channels, h, w)).to(dtype)
                with torch.no_grad(), profile(activities=[ProfilerActivity.CPU]) as prof:
                    F.interpolate(x, size=(oh, ow), mode="bilinear")
                clones = sum(event.name == "aten::clone" for event in prof.events())
                converts = dtype.is_floating_point and channels > 1
                assert clones == converts * (1 + ((oh, ow) != (1, 1))), (dtype, channels, (h, w), (oh, ow), clones)


def test_a_plain_bilinear_output_pixel_reads_at_most_four_inputs():
    """Review 30: the first sentence said an output pixel of bilinear interpolation "reads four
    inputs". Plain bilinear reads at most four (fewer at borders, kept axes, align_corners=True
    corners and exact positions); antialiased bilinear shrinking by s reads 2s x 2s."""

    def distinct(h, w, size, antialias, align_corners):
        eye = torch.eye(h * w, dtype=torch.float64).view(h * w, 1, h, w)
        out = F.interpolate(eye, size=size, mode="bilinear", antialias=antialias, align_corners=align_corners)
        return (out.flatten(1) != 0).sum(0)

    counts = []
    for (h, w), size in (((4, 4), (8, 8)), ((5, 7), (13, 3)), ((8, 8), (4, 4)), ((3, 5), (3, 9)), ((6, 6), (6, 6))):
        for align_corners in (False, True):
            counts.append(distinct(h, w, size, False, align_corners))
    counts = torch.cat(counts)
    assert counts.max() == 4 and counts.min() < 4
    assert distinct(16, 16, (4, 4), True, False).max() == 64  # antialiased, 2s x 2s at s = 4


def test_area_to_one_pixel_out_form_and_mean_part_near_the_largest_float32():
    """Review 30: "area to a 1x1 output ... equal only to rounding" holds only while no partial
    sum overflows: the pooling kernel of the out= form and torch.mean add in another order."""
    big = 3e38
    x = torch.tensor([[big] * 4] * 2 + [[-big] * 4] * 2).view(1, 1, 4, 4)
    out = torch.empty(1, 1, 1, 1)
    torch.ops.aten.adaptive_avg_pool2d.out(x, [1, 1], out=out)
    assert torch.isinf(out).all() and (F.interpolate(x, size=(1, 1), mode="area") == 0).all()
    # Review 63: the page said "the largest float32" for every dtype; a float64 input adds in float64, where the
    # same block agrees to rounding and only sums near float64's largest value overflow in one order alone.
    out64 = torch.empty(1, 1, 1, 1, dtype=torch.float64)
    torch.ops.aten.adaptive_avg_pool2d.out(x.double(), [1, 1], out=out64)
    assert out64.abs().item() < 1e-15 * big and (F.interpolate(x.double(), size=(1, 1), mode="area") == 0).all()
    g = torch.Generator().manual_seed(0)
    huge, differ = 0.9 * torch.finfo(torch.float64).max, 0
    for _ in range(200):
        y = torch.randint(-1, 2, (1, 1, 4, 4), generator=g).double() * huge
        torch.ops.aten.adaptive_avg_pool2d.out(y, [1, 1], out=out64)
        mean = F.interpolate(y, size=(1, 1), mode="area")
        differ += not (torch.equal(out64.isinf(), mean.isinf()) and torch.equal(out64.isnan(), mean.isnan()))
    assert differ > 0
    root = Path(__file__).resolve().parents[2]
    en = " ".join((root / "docs" / "performance.md").read_text(encoding="utf-8").split())
    zh = (root / "docs" / "performance.zh.md").read_text(encoding="utf-8")
    assert "largest value of the type they add in, float32, or float64 for a float64 input" in en
    assert "不超出求和所用类型的最大值（这个类型是 float32，float64 输入则是 float64）" in zh
    assert "passes the largest float32" not in en


def test_a_cpu_build_runs_bfloat16_in_nchw_forward_only(ns):
    """Review 30: "Each op runs ... in float32 and bfloat16, in NCHW and channels_last, forward only
    and forward plus backward" is every combination on a GPU only; the sentence now says so."""
    combos = {(dtype, fmt, backward) for _, dtype, fmt, backward in ns["configs"]}
    bf16 = {(fmt, backward) for dtype, fmt, backward in combos if dtype == torch.bfloat16}
    if ns["device"].type == "cuda":
        assert len(combos) == 8
    else:
        assert bf16 == {(torch.contiguous_format, False)} and len(combos) == 5


def test_the_uint8_avx2_path_follows_the_capability_torch_runs_not_the_cpu():
    """Review 30: "on CPUs with AVX2" / "or the CPU lacks AVX2". On this AVX-512 CPU,
    ATEN_CPU_CAPABILITY=default runs the generic code: a 3-channel uint8 image then hits the
    one-pixel-wide bug (every row equals the first), which the AVX2 code escapes."""
    code = (
        "import torch, torch.nn.functional as F\n"
        "x = torch.randint(0, 256, (1, 3, 6, 6), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))\n"
        "y = F.interpolate(x, size=(4, 1), mode='bilinear', antialias=True).float()\n"
        "ref = F.interpolate(x.float().contiguous(memory_format=torch.channels_last), size=(4, 1), mode='bilinear', antialias=True)\n"
        "print(torch.backends.cpu.get_cpu_capability(), (y - ref).abs().max().item(), bool((y == y[..., :1, :]).all()))\n"
    )
    default = run_python(code, ATEN_CPU_CAPABILITY="default").split()
    assert default[0] == "DEFAULT" and float(default[1]) > 10 and default[2] == "True"
    avx2 = run_python(code, ATEN_CPU_CAPABILITY="avx2").split()
    if avx2[0] == "AVX2":  # the CPU has AVX2
        assert float(avx2[1]) <= 1 and avx2[2] == "False"


@pytest.mark.parametrize("size", [5, 7, 9, 11, 13, 15, 21, 33])
@pytest.mark.parametrize("recompute", [None, False, True])
def test_plain_bicubic_last_pixel_on_an_odd_size_weighs_4_only_without_recompute(size, recompute):
    # Given scale_factor=0.5 the samples step by 2 and the last, at n - 1.5, reads 4 pixels;
    # recompute_scale_factor=True turns the factor into size=n // 2, steps of n / (n // 2).
    eye = torch.eye(size, dtype=torch.float64).view(size, 1, 1, size)
    out = F.interpolate(eye, scale_factor=(1.0, 0.5), mode="bicubic", recompute_scale_factor=recompute)
    counts = (out[:, 0, 0, :] != 0).sum(0).tolist()
    by_size = (F.interpolate(eye, size=(1, size // 2), mode="bicubic")[:, 0, 0, :] != 0).sum(0).tolist()
    assert counts[-1] == (3 if recompute else 4), (size, recompute, counts)
    assert (counts == by_size) == bool(recompute), (size, recompute)


@pytest.mark.parametrize("s", [2, 4, 8])
@pytest.mark.parametrize("size", [7, 9, 10, 11, 13, 18, 21, 30])
def test_plain_bilinear_weighs_2_pixels_at_even_factors_only_with_steps_of_s(s, size):
    # Review 37: "an output pixel of plain bilinear weighs 2" needs samples s apart;
    # recompute_scale_factor=True steps by in/out and can land a sample on one pixel (7 -> 3, 10 -> 2).
    if size // s < 1:
        return
    eye = torch.eye(size, dtype=torch.float64).view(size, 1, 1, size)
    for recompute in (None, True):
        out = F.interpolate(eye, scale_factor=(1.0, 1 / s), mode="bilinear", recompute_scale_factor=recompute)
        counts = (out[:, 0, 0, :] != 0).sum(0).tolist()
        if not recompute or size % s == 0:
            assert counts == [2] * (size // s), (s, size, recompute, counts)
    out = F.interpolate(eye, scale_factor=(1.0, 0.25), mode="bilinear", recompute_scale_factor=True)
    assert size != 10 or (out[:, 0, 0, :] != 0).sum(0).tolist() == [1, 1]
    out = F.interpolate(eye, scale_factor=(1.0, 0.5), mode="bilinear", recompute_scale_factor=True)
    assert size != 7 or (out[:, 0, 0, :] != 0).sum(0).tolist() == [2, 1, 2]


@pytest.mark.parametrize("capability", ["avx2", "default"])
def test_recompute_puts_a_sample_on_a_pixel_alone_only_in_plain_interpolation(capability):
    """Review 121-6: the page said that recompute_scale_factor=True at s = 4 'puts each sample on a pixel alone'
    on 10 -> 2, in a list of counts that covers antialiased interpolation too. Antialiased, the sample is centred
    on that pixel but its filter, 4 pixels to each side, weighs 7 (bilinear) or more: the page now says 'each
    plain sample'."""
    code = """
import torch, torch.nn.functional as F
for mode in ("bilinear", "bicubic"):
    for dtype in (torch.float32, torch.float64, torch.uint8):
        for layout in (torch.contiguous_format, torch.channels_last):
            eye = (torch.eye(10) * (200 if dtype == torch.uint8 else 1)).to(dtype).view(10, 1, 1, 10)
            eye = eye.expand(10, 3, 1, 10).clone(memory_format=layout)
            for antialias in (False, True):
                out = F.interpolate(eye, scale_factor=(1.0, 0.25), mode=mode, antialias=antialias, recompute_scale_factor=True)
                print(mode, dtype, antialias, (out[:, 0, 0, :] != 0).sum(0).tolist())
"""
    for line in run_python(code, ATEN_CPU_CAPABILITY=capability).splitlines():
        mode, dtype, antialias, counts = line.split(" ", 3)
        if antialias == "False":
            assert counts == "[1, 1]", line
        else:
            assert min(int(c) for c in counts.strip("[]").split(",")) >= 7, line
    assert_pages_say(
        ("performance.md", "at `s` = 4, 10 → 2 then puts each plain sample on a pixel alone"),
        ("performance.zh.md", "`s` = 4、10 → 2 时，普通插值的每个采样点都正好落在一个像素上，只取这一个"),
    )


@pytest.mark.parametrize("s", [3, 5, 7, 9])
def test_odd_factor_lands_on_a_pixel_only_with_samples_s_apart(s):
    # Review 38: "at an odd factor the plain sample lands on an input pixel" needs steps of s;
    # recompute_scale_factor=True on a size s does not divide steps by H / h and weighs 2 pixels.
    size = 3 * s + 1
    eye = torch.eye(size, dtype=torch.float64).view(size, 1, 1, size)
    for recompute, expected in ((None, 1), (True, 2)):
        out = F.interpolate(eye, scale_factor=(1.0, 1 / s), mode="bilinear", recompute_scale_factor=recompute)
        counts = (out[:, 0, 0, :].abs() > 1e-12).sum(dim=0).tolist()
        assert counts[1] == expected, (s, recompute, counts)


@pytest.mark.parametrize("capability", ["avx2", "default"])
def test_no_cpu_capability_has_an_antialiased_bfloat16_kernel(capability):
    """Review 42: the page says the CPU has no antialiased bfloat16 kernel, of any CPU, not of
    some CPUs (the old zh read "on a CPU without one"): every capability refuses it, in every
    antialiased mode, while the same modes run in float32."""
    code = (
        "import torch, torch.nn.functional as F\n"
        "x = torch.rand(1, 4, 16, 16)\n"
        "for mode in ('bilinear', 'bicubic'):\n"
        "    F.interpolate(x, scale_factor=0.5, mode=mode, antialias=True)\n"
        "    try:\n"
        "        F.interpolate(x.bfloat16(), scale_factor=0.5, mode=mode, antialias=True)\n"
        "        print(mode, 'ran')\n"
        "    except NotImplementedError:\n"
        "        print(mode, 'refused')\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY=capability).split() == ["bilinear", "refused", "bicubic", "refused"]
    x = torch.rand(1, 4, 16, 16, dtype=torch.bfloat16)  # and under this process's own capability
    for mode in ("bilinear", "bicubic"):
        with pytest.raises(NotImplementedError):
            F.interpolate(x, scale_factor=0.5, mode=mode, antialias=True)


def test_the_shown_code_and_the_page_hedge_the_cache_sizes_alike():
    """Review 42: the measure cell's comment said the 128 MiB size does not fit in a CPU's
    last-level cache, where the page says "in few": some do (a Xeon 6980P shares 504 MB of L3),
    so only the page's hedge is true, and the shown code must not contradict it in either language."""

    root = Path(__file__).resolve().parents[2]
    source = (root / "examples" / "performance.py").read_text(encoding="utf-8")
    cell = source[source.index("# %% measure") : source.index("# %% table")]
    comment = " ".join(line.lstrip("# ") for line in cell.splitlines() if line.lstrip().startswith("#"))
    assert "(128 MiB) in few" in comment and "does not" not in comment.split("(128 MiB)")[1][:40]
    # and no magnitude from a past run that this build does not measure ("0.5 ms blocks gave 4x off")
    assert "4x off" not in comment and "does not decide" not in comment
    for page, hedge in (("performance.md", "(128 MiB) in few"), ("performance.zh.md", "很少能放下")):
        assert hedge in (root / "docs" / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_plain_even_factor_weighs_two_pixels_only_within_the_first_2_to_the_23_in_float32(mode):
    """The page: at an even factor, plain bilinear weighs 2 pixels per dimension (bicubic 4), in
    float32 only within an axis's first 2**23 pixels; further on the float32 position is rounded
    onto one pixel, which the sample takes alone (r43). On alternating 0/1 pixels two (or four)
    taps give 0.5, one tap 0 or 1; float64 keeps 0.5."""
    s, m = 2, 2**22 + 8
    parity = (torch.arange(s * m) % 2).view(1, 1, 1, s * m)
    y = F.interpolate(parity.float(), size=(1, m), mode=mode)[0, 0, 0]
    assert torch.equal(y[1 : 2**22], torch.full((2**22 - 1,), 0.5))  # interior, below 2**23
    assert set(y[2**22 : m - 1].tolist()) <= {0.0, 1.0}  # from input position 2**23 on
    if mode == "bilinear":  # float64 computes the position in float64 (bicubic would take seconds here)
        y64 = F.interpolate(parity.double(), size=(1, m), mode=mode)[0, 0, 0]
        assert torch.equal(y64[1 : m - 1], torch.full((m - 2,), 0.5, dtype=torch.float64))


def test_antialiased_odd_factor_taps_land_on_zeros_only_within_the_first_2_to_the_23_in_float32():
    """The page: at an odd factor the antialiased bilinear filter's outermost taps land on its
    zeros (2s - 1 pixels count), in float32 only within an axis's first 2**23 pixels (r43). On a
    parabola (j - 2**23)**2 the output is (centre - 2**23)**2 plus the filter's second moment:
    4/3 for the 5-tap tent at s = 3; beyond 2**23 the rounded centre gives other values."""
    s, m, origin = 3, 2**23 // 3 + 16, 2**23
    parabola = ((torch.arange(s * m, dtype=torch.float64) - origin) ** 2).float().view(1, 1, 1, s * m)
    y = F.interpolate(parabola, size=(1, m), mode="bilinear", antialias=True)[0, 0, 0].double()
    i = torch.arange(m - 20, m - 2, dtype=torch.float64)  # near the end, far from 2**24
    expected = (s * i + 1 - origin) ** 2 + 4 / 3
    before, after = i < origin / s - 1, i > origin / s
    assert (y[i.long()][before] - expected[before]).abs().max() < 1e-3
    assert (y[i.long()][after] - expected[after]).abs().min() > 0.1


def test_cuda_computes_sample_positions_in_float32_too():
    """The page: past an axis's first 2**23 pixels torch computes the sample's position in float32
    and rounds it onto a pixel, on CUDA too (r44: the limit was run on the CPU only). The installed
    headers show it: float's CUDA accumulate type is float, and the CUDA position and antialias
    centre are computed in that type."""
    include = Path(torch.__file__).parent / "include" / "ATen"
    assert "CUDA_ACC_TYPE(float, float)" in (include / "AccumulateType.h").read_text(encoding="utf-8")
    cuh = (include / "native" / "cuda" / "UpSample.cuh").read_text(encoding="utf-8")
    assert "accscalar_t src_idx = scale * (dst_index + static_cast<accscalar_t>(0.5))" in cuh
    assert "center = scale * (i + static_cast<accscalar_t>(0.5));" in cuh
    root = Path(__file__).resolve().parents[2]
    for page in ("performance.md", "performance.zh.md"):
        text = (root / "docs" / page).read_text(encoding="utf-8")
        assert "cuda/UpSample.cuh" in text and "AccumulateType.h" in text


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_even_factor_takes_one_pixel_past_2_to_the_23_in_float32():
    """On CUDA as on the CPU: alternating 0/1 pixels at factor 2 give 0.5 below input position
    2**23 and 0 or 1 from there on."""
    m = 2**22 + 8
    parity = (torch.arange(2 * m, device="cuda") % 2).view(1, 1, 1, 2 * m).float()
    y = F.interpolate(parity, size=(1, m), mode="bilinear")[0, 0, 0].cpu()
    assert torch.equal(y[1 : 2**22], torch.full((2**22 - 1,), 0.5))
    assert set(y[2**22 : m - 1].tolist()) <= {0.0, 1.0}


def test_tf32_is_allowed_not_promised():
    """The page: PyTorch lets cuDNN run float32 convolutions in TF32; cuDNN picks the algorithm, so
    the measured rate need not be a TF32 rate (r44: 'so there the rate is a TF32 rate')."""
    root = Path(__file__).resolve().parents[2]
    en = (root / "docs" / "performance.md").read_text(encoding="utf-8")
    zh = (root / "docs" / "performance.zh.md").read_text(encoding="utf-8")
    assert "the rate is a TF32 rate" not in " ".join(en.split())
    assert "测到的是 TF32 的算力" not in zh
    assert "may be a TF32 rate" in " ".join(en.split()) and "可能是 TF32 的算力" in zh


def test_the_threshold_comment_keeps_the_one_by_one_exception():
    """The cell comment said the channels-last kernel converts "the input and the output" without
    the page's 1x1 exception (test_a_one_by_one_side_is_not_converted: a 1x1 side is not cloned),
    for nearest too, whose exceptions the cell does not time (r44)."""
    root = Path(__file__).resolve().parents[2]
    source = (root / "examples" / "performance.py").read_text(encoding="utf-8")
    cell = source[source.index("# %% findings") : source.index("# %% odd_factors")]
    comment = " ".join(line.strip().lstrip("# ") for line in cell.splitlines() if line.strip().startswith("#"))
    i = comment.index("converting the input and the output")
    assert "(a side that is 1x1 excepted)" in comment[i : i + 80]
    assert "nearest and floating-point bilinear" not in comment


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_positions_are_float32_too(dtype):
    """The page's 2**23 limit named float32 alone (r44), but float16 and bfloat16 inputs get their
    positions in float32 too: alternating 0/1 pixels at factor 2 give 0.5 below input position
    2**23 and one pixel's value from there on."""
    m = 2**22 + 8
    parity = (torch.arange(2 * m) % 2).view(1, 1, 1, 2 * m).to(dtype)
    y = F.interpolate(parity, size=(1, m), mode="bilinear")[0, 0, 0].float()
    assert torch.equal(y[1 : 2**22], torch.full((2**22 - 1,), 0.5))
    assert set(y[2**22 : m - 1].tolist()) <= {0.0, 1.0}
    root = Path(__file__).resolve().parents[2]
    en = " ".join((root / "docs" / "performance.md").read_text(encoding="utf-8").split())
    zh = (root / "docs" / "performance.zh.md").read_text(encoding="utf-8")
    assert en.count("in float32, float16 and bfloat16 only within an axis's first 2²³ pixels") == 1
    assert zh.count("在 float32、float16 和 bfloat16 下") == 1


def test_the_antialiased_2_to_the_23_limit_names_cuda_for_half_precision():
    """The odd-factor sentence put the antialiased filter's 2**23 limit on float16 and bfloat16 as on
    float32 (r66), but the CPU's antialiased kernels refuse both: only CUDA's takes them, and computes
    the centre in float32 (test_cuda_computes_sample_positions_in_float32_too)."""
    for dtype, mode in itertools.product((torch.float16, torch.bfloat16), ("bilinear", "bicubic")):
        with pytest.raises(NotImplementedError, match="not implemented for"):
            F.interpolate(torch.rand(1, 1, 9, 9, dtype=dtype), size=(3, 3), mode=mode, antialias=True)
    root = Path(__file__).resolve().parents[2]
    en = " ".join((root / "docs" / "performance.md").read_text(encoding="utf-8").split())
    zh = (root / "docs" / "performance.zh.md").read_text(encoding="utf-8")
    assert "antialiased (in float32 only within an axis's first 2²³ pixels, as above, and so on CUDA in float16" in en
    assert "the CPU's antialiased kernels refuse those two types)" in en
    assert "开抗混叠时（在 float32 下同样只限于一个轴上的前 2²³ 个像素；CUDA 上的 float16 和 bfloat16 也是如此" in zh
    assert "CPU 上的抗混叠内核不接受这两种类型" in zh


def test_the_intro_does_not_say_every_number_comes_from_this_build():
    # The cache key holds no build id or time: a later build on the same machine reuses these numbers.
    from sitegen.cache import cache_key

    example = Path(__file__).resolve().parents[2] / "examples" / "performance.py"
    code = "from pathlib import Path; from sitegen.cache import cache_key; print(cache_key(Path(%r), ['en', 'zh']))"
    assert run_python(code % str(example)).strip() == cache_key(example, ["en", "zh"])
    docs = Path(__file__).resolve().parents[2] / "docs"
    assert "measured during the" not in (docs / "performance.md").read_text(encoding="utf-8")
    assert "数字都是构建时实测的" not in (docs / "performance.zh.md").read_text(encoding="utf-8")


def test_an_untimed_downsample_method_can_call_its_kernel_more_often_than_the_op_it_equals(ns):
    """The page (review 49): an untimed `Downsample` method returns what an op returns, but not by
    the same calls: 'antialias-bilinear' calls the antialiased kernel once per axis, F.interpolate once."""
    from torch.utils._python_dispatch import TorchDispatchMode

    class Count(TorchDispatchMode):
        def __init__(self):
            super().__init__()
            self.calls = 0

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            self.calls += func.overloadpacket is torch.ops.aten._upsample_bilinear2d_aa
            return func(*args, **(kwargs or {}))

    x = torch.randn(1, 3, 16, 12)
    down = ns["Downsample"](2, method="antialias-bilinear")
    assert torch.equal(down(x), F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True))
    with Count() as module_calls:
        down(x)
    with Count() as interpolate_calls:
        F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True)
    assert (module_calls.calls, interpolate_calls.calls) == (2, 1)


def test_the_intro_says_the_times_are_measured_not_every_number():
    """The page (review 49) said "every number below was measured": the prose below also gives
    numbers that no run measures (glibc's 32 MiB, float32's 2^23, a float32 near its largest)."""
    docs = Path(__file__).resolve().parents[2] / "docs"
    english, chinese = (
        (docs / "performance.md").read_text(encoding="utf-8"),
        (docs / "performance.zh.md").read_text(encoding="utf-8"),
    )
    source = (Path(__file__).resolve().parents[2] / "examples" / "performance.py").read_text(encoding="utf-8")
    from sitegen.record import RECORDED

    assert "performance.py" in RECORDED  # a GPU record, when made, shows its own run beside the build's
    for typed in ("32 MiB", "2²³", "3e38"):
        assert typed in english and typed in chinese and typed not in source
    assert (
        "every number below" not in english
        and "every measurement below comes from a run of\nthis page's script" in english
    )
    assert "下面每个数字" not in chinese and "下面每个测量结果都来自本页脚本的一次运行" in chinese


def test_the_findings_come_from_the_run_that_made_the_table_not_from_this_build(ns):
    """The page (review 49) said the sentences come from "this build's numbers"; a later build
    reuses the cached run (the cache key holds no build id), so they come from the run that made
    the table, in the same execution of the script."""
    from sitegen.cache import cache_key

    example = Path(__file__).resolve().parents[2] / "examples" / "performance.py"
    code = "from pathlib import Path; from sitegen.cache import cache_key; print(cache_key(Path(%r), ['en']))"
    assert run_python(code % str(example)).strip() == cache_key(example, ["en"])
    assert ns["rows"]["Conv2d(3, stride=2)"] is ns["results"][ns["main"]]["rows"]["Conv2d(3, stride=2)"]
    docs = example.parents[1] / "docs"
    assert "this build's numbers" not in (docs / "performance.md").read_text(encoding="utf-8")
    assert "本次构建的测量结果" not in (docs / "performance.zh.md").read_text(encoding="utf-8")


def test_the_antialiased_odd_factor_exceptions_count_exactly_2s_pixels_as_printed(ns):
    """The printed sentence says, for every exception, "2s pixels count" and a tap "weighs X or
    less": bound to the values (a residue at both ends would count 2s + 1)."""
    for by_size in (True, False):
        residue = [s for s in ns["odd"] if len(ns["weights"](s, True, by_size)) > 2 * s - 1]
        assert residue and 49 in residue
        for s in residue:
            w = ns["weights"](s, True, by_size)
            assert len(w) == 2 * s and float(w.min()) < 1e-12 < float(w.sort().values[1]), (by_size, s)


def test_the_cache_keeps_the_numbers_only_while_the_imported_module_is_unchanged_too():
    """The page (review 49) said the cache keeps the numbers "until the script, the packages or the
    device change": a change to the module it imports (_downsample.py) alone re-runs it too."""
    from sitegen.cache import local_imports

    root = Path(__file__).resolve().parents[2]
    assert root / "examples" / "_downsample.py" in [
        p.resolve() for p in local_imports(root / "examples" / "performance.py")
    ]
    english = (root / "docs" / "performance.md").read_text(encoding="utf-8")
    assert "until the script, the packages or the device change" not in english
    assert "the script and the modules it imports" in english
    assert "脚本及其导入的模块" in (root / "docs" / "performance.zh.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("op", [torch.ops.aten._upsample_bilinear2d_aa, torch.ops.aten._upsample_bicubic2d_aa])
def test_cuda_antialias_kernels_copy_the_result_into_a_channels_last_output_too(op):
    """The page: on CUDA the antialiased kernels convert a channels_last input to NCHW, and (r53) also
    the result: UpSampleBilinear2d.cu writes into an NCHW temporary unless `output.is_contiguous()`,
    then copies it into the output. The output's layout comes from the op's meta function, which
    every device shares: channels_last and not NCHW-contiguous for more than one channel, both for one."""
    for channels in (1, 2, 3, 64):
        x = torch.empty(2, channels, 16, 16, device="meta").contiguous(memory_format=torch.channels_last)
        y = op(x, [8, 8], False, None, None)
        assert y.is_contiguous(memory_format=torch.channels_last)
        assert y.is_contiguous() == (channels == 1)
    root = Path(__file__).resolve().parents[2]
    english = " ".join((root / "docs" / "performance.md").read_text(encoding="utf-8").split())
    assert "write the result to an NCHW temporary that they then copy into the `channels_last` output" in english
    assert "结果也先写进一个 NCHW 的临时张量，再拷贝到 `channels_last` 的输出里" in (
        root / "docs" / "performance.zh.md"
    ).read_text(encoding="utf-8")


def test_the_threshold_comparison_is_per_output_pixel(ns, monkeypatch):
    # Review 53: a 65x65 output has 3% more pixels than a 64x64 one; that comparison divides each time by its output
    # pixels (a time ratio of 1.01 is then 1.01 * 65**2 / 64**2, above 1).
    rounds = ns["compare_rounds"]
    monkeypatch.setitem(ns["compare"].__globals__, "timed_rounds", lambda a, b, n: ([1.01] * n, [1.0] * n))
    pixels = 65 * 65 / (64 * 64)
    ns["compare"]("a", None, "b", None, b_work_over_a_work=pixels)
    assert ns["comparisons"].pop()["ratios"] == [1.01 * pixels] * rounds
    line = next(line for line in ns["printed"].splitlines() if "64×64 output" in line)
    assert line.count("per output pixel") == 2, line


def test_an_inf_on_a_zero_tap_of_antialiased_bicubic_arrives_as_nan_inf_or_minus_inf():
    """Review 60: the page said an inf on an antialiased zero weight "stays inf" where rounding leaves the weight
    "just above 0", which holds for bilinear's triangle; bicubic's filter is negative beside its zeros, and in
    float32 its last tap turned an inf into -inf (at one odd factor from 3 to 41), while float64 gave NaN."""
    seen = {}
    for dtype, s in itertools.product((torch.float32, torch.float64), range(3, 42, 2)):
        width = 10 * s
        rows = torch.eye(width, dtype=torch.float64).view(width, 1, 1, width)
        column = F.interpolate(rows, size=(1, 10), mode="bicubic", antialias=True)[:, 0, 0, 5]
        centre = 5 * s + (s - 1) // 2
        last = (column.abs() > 1e-12).nonzero().max().item() + 1
        for tap, pos in (("inner", centre - s), ("inner", centre + s), ("last", last)):
            assert abs(column[pos]) <= 1e-12, (s, pos)
            x = torch.rand(1, 3, 2, width, dtype=dtype, generator=torch.Generator().manual_seed(s)) + 1
            x[..., pos] = float("inf")
            y = F.interpolate(x, size=(2, 10), mode="bicubic", antialias=True)[..., 5].flatten()
            assert not y.isfinite().any(), (dtype, s, pos)
            seen.setdefault((dtype, tap), set()).update("nan" if v != v else str(v) for v in y.tolist())
    assert seen[torch.float64, "inner"] == seen[torch.float64, "last"] == {"nan"}
    assert seen[torch.float32, "inner"] == {"nan", "inf"} and seen[torch.float32, "last"] == {"nan", "-inf"}
    docs = Path(__file__).resolve().parents[2] / "docs"
    en, zh = ((docs / name).read_text(encoding="utf-8") for name in ("performance.md", "performance.zh.md"))
    assert "its last tap can turn it into −inf" in " ".join(en.split()) and "它的最后一个权重可能把 inf 变成 −inf" in zh
    assert "just above 0, and an inf stays inf" not in en


def test_rounding_leaves_an_antialiased_zero_weight_off_zero_in_float32_and_at_some_factors_in_float64():
    """Review 61: "rounding can leave a zero weight just off 0" read for every dtype the CPU kernel takes; in
    float64 every tap with zero weight that the kernel reads turned an inf into NaN, over odd factors 3 to 41
    and output lengths 2 to 8, at every output pixel; float32 also gave inf (both modes) and -inf (bicubic).
    Review 63: the page then said "in float64 the tests find every such weight exactly 0, so NaN", while its own
    odd_factors cell prints float64 taps off zero at s = 49: there an inf on such a tap stays inf in both modes,
    and bicubic's last tap turns it into -inf, as in float32."""
    seen = {}
    for dtype, mode, s, m in itertools.product(
        (torch.float32, torch.float64), ("bilinear", "bicubic"), [*range(3, 42, 2), 49], range(2, 9)
    ):
        width = m * s
        eye = torch.eye(width, dtype=torch.float64).view(width, 1, 1, width)
        weights = F.interpolate(eye, size=(1, m), mode=mode, antialias=True)[:, 0, 0]
        x = (
            torch.rand(width, 1, 1, width, dtype=torch.float64, generator=torch.Generator().manual_seed(s * m)) + 1
        ).to(dtype)
        x[range(width), 0, 0, range(width)] = float("inf")  # one inf per batch item, at each pixel in turn
        y = F.interpolate(x, size=(1, m), mode=mode, antialias=True)[:, 0, 0]
        read_at_zero = (weights.abs() <= 1e-12) & ~y.isfinite()
        key = (dtype, mode, s == 49 and dtype == torch.float64)
        seen.setdefault(key, set()).update("nan" if v != v else str(v) for v in y[read_at_zero].tolist())
    assert seen[torch.float64, "bilinear", False] == seen[torch.float64, "bicubic", False] == {"nan"}
    assert "inf" in seen[torch.float64, "bilinear", True] and {"inf", "-inf"} <= seen[torch.float64, "bicubic", True]
    assert seen[torch.float32, "bilinear", False] == {"nan", "inf"}
    assert seen[torch.float32, "bicubic", False] == {"nan", "inf", "-inf"}
    docs = Path(__file__).resolve().parents[2] / "docs"
    en, zh = ((docs / name).read_text(encoding="utf-8") for name in ("performance.md", "performance.zh.md"))
    en = " ".join(en.split())
    assert (
        "Antialiased, rounding can leave a zero weight just off 0, in float32 and, at some factors, in float64 too"
        in en
    )
    assert "in float64 the tests find every such weight exactly 0" not in en
    assert "舍入可能让零权重略微偏离 0：float32 下如此，float64 下在某些倍数上也是如此" in zh
    assert "float64 下测试发现这些权重都恰好是 0" not in zh


def test_an_antialiased_output_weighs_fewer_exactly_where_its_taps_fall_outside_the_input():
    """Review r123-6: the Borders bullet said 'Antialiased, the outputs at the borders weigh fewer, where some taps
    fall outside the input' (zh: 'because some taps fall outside'). With samples s apart on a size s does not divide,
    the last output's filter can end inside the input: bilinear 7 -> 3 at scale_factor=0.5 weighs 3, 4, 4, the last
    one as many as an interior one. Over s = 2 ... 9 and every size from 2s to 5s - 1, an output weighs fewer than an
    interior one exactly where a tap of non-zero weight falls outside the input, which the first one's always do."""
    from fractions import Fraction

    def counts(mode, size, s):
        eye = torch.eye(size, dtype=torch.float64).view(size, 1, 1, size)
        out = F.interpolate(eye, scale_factor=(1.0, 1 / s), mode=mode, antialias=True)[:, 0, 0, :]
        return (out.abs() > 1e-12).sum(0).tolist()  # the zeros of the filter at odd s are zero up to rounding

    def reaches_outside(mode, size, s, i):
        support = 1 if mode == "bilinear" else 2  # in output pixels; bicubic's filter is also 0 at distance 1
        centre = Fraction(2 * i + 1, 2) * s
        taps = [abs(Fraction(2 * j + 1, 2) - centre) / s for j in [*range(-4 * s, 0), *range(size, size + 4 * s)]]
        return any(d < support and d != 1 for d in taps)

    for mode in ("bilinear", "bicubic"):
        for s in range(2, 10):
            interior = counts(mode, 12 * s, s)[6]
            for size in range(2 * s, 5 * s):
                weighed = counts(mode, size, s)
                assert weighed[0] < interior, (mode, s, size)
                for i, n in enumerate(weighed):
                    assert (n < interior) == reaches_outside(mode, size, s, i), (mode, s, size, i, n, interior)
    assert counts("bilinear", 7, 2) == [3, 4, 4] and counts("bilinear", 16, 2)[6] == 4
    assert_pages_say(
        (
            "performance.md",
            "Antialiased, an output weighs fewer where some of its taps fall outside the input: the first always "
            "does, the last only on some sizes (not in bilinear 7 → 3 at `scale_factor=0.5`).",
        ),
        (
            "performance.zh.md",
            "开抗混叠时，有权重落在输入之外的输出像素用到的像素要少一些：第一个输出像素总是如此，"
            "最后一个只在某些尺寸下如此（双线性在 `scale_factor=0.5` 下 7 → 3 时就不是）。",
        ),
    )


def test_only_plain_interpolation_moves_a_tap_outside_the_input_onto_the_border_pixel():
    """Review r123-6: the Borders bullet opened with 'A tap outside the input falls back on the border pixel', in a
    list of counts for plain and antialiased interpolation. Plain bicubic does (8 -> 4: pixel 0 takes the weight of
    tap -1, 0.5 in all); the antialiased kernels drop such taps and renormalise the others (the first bilinear sample
    at s = 2 weighs 0.75, 0.75, 0.25 over 1.75, not 1, 0.75, 0.25 over 2). The page now says 'In plain interpolation'."""
    for s in range(2, 7):
        size = 4 * s
        eye = torch.eye(size, dtype=torch.float64).view(size, 1, 1, size)
        for mode, support in (("bilinear", 1), ("bicubic", 2)):
            first = F.interpolate(eye, size=(1, 4), mode=mode, antialias=True)[:, 0, 0, 0]
            centre = s / 2
            taps = torch.arange(-2 * s, size, dtype=torch.float64) + 0.5
            d = (taps - centre).abs() / s
            a = -0.5  # the antialiased bicubic filter's a
            if mode == "bilinear":
                w = (1 - d).clamp(min=0)
            else:
                w = torch.where(d < 1, (a + 2) * d**3 - (a + 3) * d**2 + 1, a * d**3 - 5 * a * d**2 + 8 * a * d - 4 * a)
                w = torch.where(d < 2, w, torch.zeros_like(w))
            inside = w[2 * s :]
            clamped = inside.clone()
            clamped[0] += w[: 2 * s].sum()
            torch.testing.assert_close(first, inside / inside.sum())
            assert not torch.allclose(first, clamped / clamped.sum()), (mode, s)
    eye = torch.eye(8, dtype=torch.float64).view(8, 1, 1, 8)
    plain = F.interpolate(eye, size=(1, 4), mode="bicubic")[:, 0, 0, 0]
    assert plain[:3].tolist() == [0.5, 0.59375, -0.09375] and not plain[3:].any()  # tap -1's -0.09375 on pixel 0
    assert_pages_say(
        (
            "performance.md",
            "- **Borders.** In plain interpolation a tap outside the input falls back on the border pixel.",
        ),
        ("performance.zh.md", "- **边界。** 不开抗混叠时，落在输入之外的权重改读边界像素。"),
    )


@pytest.mark.parametrize("capability", ["avx2", "default"])
def test_recompute_10_to_3_weighs_2_pixels_per_sample_in_bilinear_only(capability):
    """Review r124-6: the odd-factor paragraph said that with recompute_scale_factor=True '10 -> 3 at s = 3 weighs
    2 pixels', naming no mode in a passage about plain bilinear and bicubic. The samples step by 10/3 and land off
    the pixels (at 7/6, 9/2, 47/6): bilinear weighs 2 pixels each, bicubic 4, in float32, float64 and uint8, in
    both layouts and both CPU capabilities: 'weighs 2 pixels in bilinear'."""
    code = """
import torch, torch.nn.functional as F
for mode in ("bilinear", "bicubic"):
    for dtype in (torch.float32, torch.float64, torch.uint8):
        for layout in (torch.contiguous_format, torch.channels_last):
            # on a grey of 100, so that bicubic's negative lobes do not clamp to 0 in uint8
            eye = (100 + 100 * torch.eye(10)).to(dtype).view(10, 1, 1, 10)
            eye = eye.expand(10, 3, 1, 10).clone(memory_format=layout)
            out = F.interpolate(eye, scale_factor=(1.0, 1 / 3), mode=mode, recompute_scale_factor=True)
            print(mode, ((out[:, 0, 0, :].double() - 100).abs() > 0.01).sum(0).tolist())
"""
    for line in run_python(code, ATEN_CPU_CAPABILITY=capability).splitlines():
        mode, counts = line.split(" ", 1)
        assert counts == ("[2, 2, 2]" if mode == "bilinear" else "[4, 4, 4]"), line
    assert_pages_say(
        ("performance.md", "10 → 3 at `s` = 3 weighs 2 pixels in bilinear)"),
        ("performance.zh.md", "`s` = 3 时 10 → 3 在双线性下的采样点各用到 2 个像素"),
    )


def test_the_zh_page_names_taps_where_the_en_page_does_not_samples():
    """Review r128-6: the Borders bullet and the odd-factor paragraphs say 'tap' (a weight of the filter, and the
    pixel it reads) in five places, which the zh page wrote as 采样点, its word for the sample itself ('a sample
    outside the input falls back on the border pixel', 'an output some of whose samples fall outside the input',
    'the outermost samples land on zeros of the filter'). A sample of a downsampling never falls outside the input:
    plain linear interpolation of a ramp returns each sample's position unclamped, (i + 1/2) H / h - 1/2, inside
    [0, H - 1] for every H to h < H, given as size or as scale_factor = h / H; its taps do fall outside (plain
    bicubic's first output at s = 2 reads pixel -1 on pixel 0). The zh page now says 权重 (the glossary's tap)."""
    for size in range(2, 41):
        ramp = torch.arange(size, dtype=torch.float64).view(1, 1, size)
        for out in range(1, size):
            for kwargs in ({"size": out}, {"scale_factor": out / size}):
                got = F.interpolate(ramp, mode="linear", **kwargs)[0, 0]
                if got.numel() != out:
                    continue  # scale_factor can round the size down; the size= case covers it
                position = (torch.arange(out, dtype=torch.float64) + 0.5) * (size / out) - 0.5
                assert torch.allclose(got, position, atol=1e-9), (size, out, kwargs)
                assert got.min() >= 0 and got.max() <= size - 1, (size, out, kwargs)
    eye = torch.eye(8, dtype=torch.float64).view(8, 1, 1, 8)
    first = F.interpolate(eye, size=(1, 4), mode="bicubic")[:, 0, 0, 0]
    assert first[0] == 0.5 and first[2] == -0.09375  # pixel 0 takes tap -1's weight -0.09375 too
    assert_pages_say(
        ("performance.zh.md", "- **边界。** 不开抗混叠时，落在输入之外的权重改读边界像素。"),
        ("performance.zh.md", "开抗混叠时，有权重落在输入之外的输出像素用到的像素要少一些"),
        ("performance.zh.md", "最外侧的权重正好落在滤波器的零点上（双三次离中心 `s` 个像素的两个权重也是）"),
        ("performance.zh.md", "双三次是离中心 `s` 个像素的那两个权重）"),
        ("performance.zh.md", "它的最后一个权重可能把 inf 变成 −inf"),
    )
    zh = (Path(__file__).resolve().parents[2] / "docs" / "performance.zh.md").read_text(encoding="utf-8")
    for old in ("落在输入之外的采样点", "有采样点落在输入之外", "最外侧的采样点", "两个采样点", "最后一个采样点可能"):
        assert old not in zh, old


def test_the_copy_bandwidth_of_each_size_is_the_last_row_of_that_sizes_own_table(ns):
    """The page pointed at 'the table's last row' for the copy's bandwidth at the two sizes; the
    table cell prints one table per size, each ending in the copy's row for that size alone."""
    tables = ns["printed"].split("**N×C×H×W = ")[1:]
    assert len(tables) == len(ns["sizes"]) == 2  # a CPU build: two sizes, two tables
    for shape, table in zip(ns["sizes"], tables):
        assert table.startswith("×".join(map(str, shape)) + "**")
        rows = [line for line in table.splitlines() if line.startswith("|")]
        assert rows[-1].startswith("| copy_ into a preallocated tensor, GB/s |")
        assert sum(row.startswith("| copy_ into") for row in rows) == 1
    assert_pages_say(
        (
            "performance.md",
            "the copy's bandwidth at the two sizes, in the last row of each size's table (one table per size)",
        ),
        ("performance.zh.md", "每个尺寸一张表，拷贝带宽在各自那张表的最后一行"),
    )


def test_the_factors_with_a_float64_zero_weight_off_zero_are_on_the_lines_that_begin_antialiased():
    """Review r132-6: the page said "the last lines below name such factors" (zh 下面最后几行) for the odd
    factors where rounding leaves a float64 antialiased zero weight off 0. The odd_factors cell prints a
    heading and, for size= and for scale_factor=1/s, a plain line and an "antialiased" line: the last two
    lines are scale_factor's plain line, whose s = 49 is a plain sample missing its pixel (another effect),
    and its antialiased line, while size='s antialiased line, the third, names s = 49 too. The factors are
    on the two lines that begin "antialiased" (zh 开 antialias 时), and on no other."""
    import contextlib
    import io

    source = (Path(__file__).resolve().parents[2] / "examples" / "performance.py").read_text(encoding="utf-8")
    cell = source[source.index("# %% odd_factors") :]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile("import torch\nimport torch.nn.functional as F\n" + cell, "odd_factors", "exec"), {})
    lines = out.getvalue().splitlines()
    assert len(lines) == 5, lines
    antialiased = [i for i, line in enumerate(lines) if line.strip().startswith("antialiased")]
    assert antialiased == [2, 4], lines
    for i in antialiased:  # each names factors where a tap that should weigh 0 does not, in float64
        assert "but s = " in lines[i] and "should land on a zero of the filter" in lines[i], lines[i]
    # the line before the last also names s = 49, for plain bilinear: not a zero weight left off 0
    assert lines[3].startswith("scale_factor=1/s: plain bilinear") and "but s = 49" in lines[3], lines[3]
    translations = (Path(__file__).resolve().parents[2] / "docs" / "translations.yml").read_text(encoding="utf-8")
    assert '"antialiased, 2s - 1 pixels at every odd s but s = {residue}' in translations
    assert ': "开 antialias 时，每个奇数 s 都用 2s - 1 个像素，只有 s = {residue} 例外' in translations
    assert_pages_say(
        ("performance.md", 'in float64 too (the two lines below that begin with "antialiased" name such factors)'),
        ("performance.zh.md", "float64 下在某些倍数上也是如此（下面以“开 antialias 时”开头的两行列出了这样的倍数）"),
    )
    for name, old in (
        ("performance.md", "the last lines below name such factors"),
        ("performance.zh.md", "下面最后几行"),
    ):
        assert old not in " ".join(
            (Path(__file__).resolve().parents[2] / "docs" / name).read_text(encoding="utf-8").split()
        )


def test_the_odd_factors_heading_names_the_output_pixel_the_cell_weighs():
    """Review r132-6: the odd_factors cell's heading said "the middle output pixel" (zh 中间那个输出像素); the
    cell shrinks 8s pixels to 8 and weighs output 4, and 8 outputs have no middle one (output 4 is centred
    at 4s + (s - 1) / 2, half a block past the input's centre, 4s - 1/2); at s = 49 given scale_factor=1/s
    the output is 7 pixels wide (392 * (1/49) < 8), and there output 4 is not the middle either. The
    heading names output 4 of 8s pixels, away from the borders: every weight it reads, plain or
    antialiased, size= or scale_factor=, lies inside, centred on 4s + (s - 1) / 2."""
    import contextlib
    import io

    source = (Path(__file__).resolve().parents[2] / "examples" / "performance.py").read_text(encoding="utf-8")
    cell = source[source.index("# %% odd_factors") :]
    cell_ns = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile("import torch\nimport torch.nn.functional as F\n" + cell, "odd_factors", "exec"), cell_ns)
    heading = out.getvalue().splitlines()[0]
    assert heading == (
        "On the CPU, float64, bilinear, output pixel 4 (away from the borders) of a downsampling of 8s pixels"
        " by an odd factor s:"
    )
    for s, antialias, by_size in itertools.product((3, 7, 49, 101), (False, True), (False, True)):
        width = 8 * s
        eye = torch.eye(width, dtype=torch.float64).view(width, 1, 1, width)
        size = {"size": (1, 8)} if by_size else {"scale_factor": (1.0, 1 / s)}
        out_all = F.interpolate(eye, mode="bilinear", antialias=antialias, **size)[:, 0, 0]
        assert out_all.shape[-1] == (7 if (s, by_size) == (49, False) else 8), (s, by_size)
        column = out_all[:, 4]
        assert torch.equal(cell_ns["weights"](s, antialias, by_size), column[column != 0])
        read = column.nonzero().flatten()
        assert 0 < int(read.min()) and int(read.max()) < width - 1, (s, antialias, by_size)
        assert abs(float(column @ torch.arange(width, dtype=torch.float64)) - (4 * s + (s - 1) / 2)) < 1e-6
    assert "the middle output pixel" not in source
    translations = (Path(__file__).resolve().parents[2] / "docs" / "translations.yml").read_text(encoding="utf-8")
    assert "把 8s 个像素按奇数倍数 s 缩小，下标为 4 的输出像素（远离边界）的权重" in translations
    assert "中间那个输出像素的权重" not in translations


def test_the_memory_format_bullet_names_the_ops_the_findings_time_in_both_layouts():
    """Review r133-6: the memory-format bullet lists the channels-last kernels PyTorch added (nearest
    upsampling on the CPU, the linear modes on the CPU, bilinear and nearest on CUDA) and ended "The
    comparisons above show what it buys on this machine"; the findings cell times three ops in
    channels_last against NCHW: bilinear upsampling, bicubic upsampling (which has no channels-last kernel
    on the CPU: upsample_bicubic2d_kernel_impl runs the generic kernel on either layout) and MaxPool2d(2),
    and no nearest op, the first kernel the bullet names."""
    source = (ROOT / "examples" / "performance.py").read_text(encoding="utf-8")
    cell = source[source.index("# %% findings") : source.index("# %% odd_factors")]
    loop = re.search(r"for name in \((.*?)\):\n\s*findings\.append\(compare\(f\"\{name\} in channels_last\"", cell)
    assert loop, "the findings cell no longer compares the layouts in one loop"
    compared = re.findall(r'"([^"]+)"', loop.group(1))
    assert compared == ["interpolate bilinear up", "interpolate bicubic up", "MaxPool2d(2)"]
    assert cell.count("in channels_last") == 1 and "nearest" not in cell
    assert_pages_say(
        (
            "performance.md",
            "The comparisons above time bilinear and bicubic upsampling and `MaxPool2d(2)` in both layouts "
            "on this machine; nearest is not among them.",
        ),
        (
            "performance.zh.md",
            "上面的比较在这台机器上分别用两种布局给双线性上采样、双三次上采样和 `MaxPool2d(2)` 计时；最近邻不在其中。",
        ),
    )


def test_the_fraction_lists_count_the_ops_not_the_clone_row_of_the_table(ns):
    """Review r137-6: the findings print "At least half the copy's bandwidth in every round: no op." and
    "Under a tenth ...: every op but ...". The table the page shows just above has a column headed "op" whose
    rows include `x.clone()` (at about the copy's own bandwidth on the build, 0.97), which neither list names:
    the lists draw from the ops alone, the clone row left out. Read against the table, "no op" reached half the
    copy's bandwidth, and "every op but" the named ones fell under a tenth, x.clone() included. The page now
    says what the lists count."""
    main_rows = ns["results"][ns["main"]]["rows"]
    assert "x.clone()" in main_rows  # a row of the table ...
    listed = set(ns["slow_ops"]) | set(ns["others"]) | set(ns["fast"])
    assert "x.clone()" not in listed and "x.clone()" not in ns["rows"]  # ... that neither list can name
    ops = set(ns["make_ops"](torch.float32, torch.contiguous_format))  # the ops the page lists under "What is measured"
    assert set(ns["rows"]) == ops
    assert_pages_say(
        (
            "performance.md",
            'not for the other columns of the table, and their "no op" and "every op" count only the ops listed '
            "under [What is measured](#what-is-measured), not the table's `x.clone()` row, itself a copy:",
        ),
        (
            "performance.zh.md",
            "不适用于表中其他各列；其中的“没有”和“所有算子”也只算[测了什么](#测了什么)一节列出的算子，"
            "不包括表中 `x.clone()` 那一行（它本身就是一次拷贝）：",
        ),
    )


def test_the_intro_says_no_gpu_tab_shows_while_the_record_holds_no_run_of_this_script():
    """The intro said the notes name 'a GPU's in the "Recorded on" tabs', but the committed record holds no run of
    performance.py, so the page shows no such tab (noticed by review r136-9). When a record with it is committed,
    this fails: drop the 'no such tab shows here yet' clause then."""
    import json

    record = json.loads((ROOT / "examples" / "recorded" / "cuda.json").read_text(encoding="utf-8"))
    assert "performance.py" not in record["examples"]
    assert_pages_say(
        (
            "performance.md",
            "the record this site carries has no run of this page's script, so no such tab shows here yet",
        ),
        ("performance.zh.md", "本站目前附带的记录里没有本页脚本的运行，所以这里还没有这样的标签页"),
    )
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    assert 'or a\nGPU\'s in the "Recorded on" tabs' not in page


def test_the_one_pixel_wide_bug_link_lands_on_the_section_that_states_it():
    """Review 140: the "One pixel wide" item ended "see [Which modes work where](interpolate-support.md)", which
    opened at that page's top, one line after a link to the same bug's section (#width-one-bug)."""
    assert_pages_say(
        (
            "performance.md",
            "pixel weighs what the first row's does: see [Which modes work where](interpolate-support.md#width-one-bug).",
        ),
        ("performance.zh.md", "见[各模式支持哪些输入](interpolate-support.md#width-one-bug)。"),
    )
    assert "{#width-one-bug}" in (ROOT / "docs" / "interpolate-support.md").read_text(encoding="utf-8")
    assert "{#width-one-bug}" in (ROOT / "docs" / "interpolate-support.zh.md").read_text(encoding="utf-8")
    for page in ("performance.md", "performance.zh.md"):
        assert "](interpolate-support.md)" not in (ROOT / "docs" / page).read_text(encoding="utf-8"), page
