"""The claims of docs/super-resolution*.md, asserted on a short run of its example.

The page shows the full run (SR_STEPS unset); the tests train for a few steps only, and
check what must already hold then.
"""

import pytest
import torch
import torch.nn.functional as F

from helpers import run_example

STEPS = 24


@pytest.fixture(scope="module")
def ns():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SR_STEPS", str(STEPS))
        return run_example("super_resolution.py")


def test_steps_come_from_the_environment(ns):
    assert ns["steps"] == STEPS
    assert all(len(run[1]) == STEPS for run in ns["runs"].values())


def test_test_images_are_held_out(ns):
    assert set(ns["test_images"]).isdisjoint(ns["train_images"])
    train = {tuple(image.shape) + (round(image.sum().item(), 3),) for image in ns["train_images"].values()}
    test = {tuple(image.shape) + (round(image.sum().item(), 3),) for image in ns["test_images"].values()}
    assert train.isdisjoint(test)


def test_low_resolution_is_half_size_and_in_range(ns):
    assert ns["train_low"].shape[-1] * 2 == ns["train_high"].shape[-1]
    assert ns["test_low"].shape[-1] * 2 == ns["test_high"].shape[-1]
    assert 0 <= ns["train_low"].min() and ns["train_low"].max() <= 1


def test_models_differ_only_in_the_upsampling_layer(ns):
    nets = [ns["SuperResolution"](kind) for kind in ns["kinds"]]
    for net in nets[1:]:
        for a, b in zip(net.features.parameters(), nets[0].features.parameters()):
            assert torch.equal(a, b)
    assert len({type(net.upsample[-1] if isinstance(net.upsample, torch.nn.Sequential) else net.upsample) for net in nets}) == 3


def test_training_improves_every_model_on_held_out_patches(ns):
    for (kind, seed), (_, losses, _, curve) in ns["runs"].items():
        assert curve[-1][1] > curve[0][1] + 1, (kind, seed)  # PSNR in dB
        assert sum(losses[-8:]) < sum(losses[:8]), (kind, seed)


def test_icnr_starts_without_checkerboard_default_init_does_not(ns):
    scores = ns["score_at_init"]
    assert scores["ESPCN + ICNR"] < 1e-6  # float rounding only
    assert scores["resize-conv"] < 1e-6
    assert scores["ESPCN"] > 1e-3 > scores["ESPCN + ICNR"]
    assert scores["transposed conv"] > 1e-3


def test_bicubic_psnr_is_recomputed_independently(ns):
    bicubic = F.interpolate(ns["test_low"], scale_factor=2, mode="bicubic").clamp(0, 1)
    mse = (bicubic - ns["test_high"])[..., 2:-2, 2:-2].pow(2).mean(dim=(1, 2, 3))
    assert ns["bicubic_psnr"] == pytest.approx((10 * torch.log10(1 / mse)).mean().item(), abs=1e-4)


def test_verdict_line_matches_the_table(ns):
    best = max(ns["kinds"], key=lambda kind: ns["test_psnr"][kind].mean())
    assert ns["best"] == best
    assert ns["beat"] == [kind for kind in ns["kinds"] if ns["test_psnr"][kind].min() > ns["bicubic_psnr"]]


def test_resize_conv_after_training_stays_flat_on_constant_input(ns):
    assert ns["score_trained"]["resize-conv"] < 1e-6


def test_thread_setting_is_restored(ns):
    assert torch.get_num_threads() == ns["threads"]


def test_upsampling_layer_flops_resize_conv_equals_espcn_transposed_is_lower(ns):
    from torch.utils.flop_counter import FlopCounterMode

    flops = {}
    for kind in ns["kinds"]:
        with FlopCounterMode(display=False) as counter:
            ns["SuperResolution"](kind)(torch.zeros(1, 1, 16, 16))
        flops[kind] = counter.get_total_flops()
    # A 3x3 conv to 1 channel on the 2x grid costs what a 3x3 conv to 4 channels costs
    # on the low-resolution grid; the kernel-4 transposed conv costs less.
    assert flops["resize-conv"] == flops["ESPCN"] == flops["ESPCN + ICNR"]
    assert flops["transposed conv"] < flops["ESPCN"]


def test_untrained_correction_starts_below_bicubic(ns):
    for (kind, seed), run in ns["runs"].items():
        assert run[3][0][0] == 0 and run[3][0][1] < ns["bicubic_psnr"], (kind, seed)
