"""The claims of docs/interpolate-explorer*.md, asserted on torch and on the example's values."""

import pytest
import torch
import torch.nn.functional as F

from helpers import run_example


@pytest.fixture(scope="module")
def ns():
    return run_example("interpolate_explorer.py")


def sampled_x(ns, **options):
    return F.interpolate(ns["coordinates"], **options)[0, 0, 0].cpu()


def test_every_accepted_combination_has_a_labelled_figure(ns):
    labels = ns["variants"]
    n = len(ns["scale_factors"])
    # nearest, nearest-exact, area: align_corners None, no antialias; bilinear, bicubic: 3 x 2;
    # lanczos: antialias only, align_corners None or False.
    assert len(labels) == len(set(labels)) == 3 * n + 2 * n * 3 * 2 + n * 2 * ("lanczos" in ns["modes"])
    assert "mode=bilinear; scale_factor=2; align_corners=True; antialias=False" in labels
    assert "mode=bicubic; scale_factor=3; align_corners=None; antialias=False" in labels  # the browser test's pick
    lanczos = [label for label in labels if label.startswith("mode=lanczos")]
    assert bool(lanczos) == ("lanczos" in ns["modes"]) and all(label.endswith("antialias=True") and "align_corners=True" not in label for label in lanczos)


def test_each_figure_title_names_its_variant(ns):
    assert set(ns["titles"]) == set(ns["variants"])
    for label, title in ns["titles"].items():
        values = dict(item.split("=") for item in label.split("; "))
        assert title == ", ".join([values["mode"]] + [f"{key}={values[key]}" for key in ("scale_factor", "align_corners", "antialias")])


def test_bicubic_dots_are_off_the_sampled_point(ns):
    errors = ns["dot_error"]
    assert max(inside for inside, _ in errors.values()) > 0.04
    assert max(overall for _, overall in errors.values()) > 0.2
    assert all(inside < 0.05 and overall < 0.25 for inside, overall in errors.values())
    assert errors[0.5, False][0] == 0


def test_antialias_dots_are_the_filter_centre_inside_and_move_inwards_at_the_edge(ns):
    errors = ns["antialias_dot_error"]
    insides = [inside for inside, _ in errors.values() if inside is not None]
    assert len(insides) >= 6 and max(insides) < 1e-9  # exact inside, bicubic (A = -0.5) included
    assert errors["bicubic", 0.5][0] is None  # a 6-pixel row has no room for a whole filter of 8 pixels
    overall = [top for _, top in errors.values()]
    assert min(overall) > 0.04 and 0.3 < max(overall) <= 1 / 3 + 1e-9  # "up to a third of a pixel"


@pytest.mark.parametrize("scale", [0.5, 1.5, 2, 3])
def test_grid_for_bilinear_is_the_half_pixel_formula_clamped(ns, scale):
    out = int(ns["size"] * scale)
    d = torch.arange(out, dtype=torch.float64)
    expected = ((d + 0.5) / scale - 0.5).clamp(0, ns["size"] - 1)
    torch.testing.assert_close(sampled_x(ns, scale_factor=scale, mode="bilinear"), expected)


@pytest.mark.parametrize("scale", [0.5, 1.5, 2, 3])
def test_grid_for_bilinear_align_corners_spans_first_to_last_centre(ns, scale):
    out = int(ns["size"] * scale)
    grid = sampled_x(ns, scale_factor=scale, mode="bilinear", align_corners=True)
    torch.testing.assert_close(grid, torch.linspace(0, ns["size"] - 1, out, dtype=torch.float64))


def test_nearest_copies_some_pixels_twice_at_1_5_and_nearest_exact_differs(ns):
    nearest = sampled_x(ns, scale_factor=1.5, mode="nearest")
    exact = sampled_x(ns, scale_factor=1.5, mode="nearest-exact")
    counts = torch.bincount(nearest.long())
    assert set(counts.tolist()) == {1, 2}
    assert not torch.equal(nearest, exact)
    assert torch.equal(nearest, nearest.round()) and torch.equal(exact, exact.round())


def test_area_halving_samples_the_middle_of_each_2x2_block(ns):
    grid = sampled_x(ns, scale_factor=0.5, mode="area")
    torch.testing.assert_close(grid, torch.arange(3, dtype=torch.float64) * 2 + 0.5)


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "area"])
@pytest.mark.parametrize("align", [False, True])
def test_explicit_align_corners_is_rejected_for_non_interpolating_modes(ns, mode, align):
    with pytest.raises(ValueError, match="align_corners option can only be set"):
        F.interpolate(ns["image"], scale_factor=2, mode=mode, align_corners=align)


def test_align_corners_none_means_false(ns):
    for mode in ("bilinear", "bicubic"):
        default = F.interpolate(ns["image"], scale_factor=1.5, mode=mode)
        assert torch.equal(default, F.interpolate(ns["image"], scale_factor=1.5, mode=mode, align_corners=False))
