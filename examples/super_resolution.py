"""Super-resolution, trained on the page.

A tiny x2 super-resolution network is trained at build time on grey-scale patches of
eight images that ship with scikit-image, then evaluated on patches of two held-out
photographs it never saw, one from scikit-image and one from matplotlib. Every learned model adds a correction to the
bicubic enlargement, computed by the same small feature extractor at low resolution
followed by one upsampling layer, the only difference between them: resize-conv,
transposed convolution, or convolution + PixelShuffle (ESPCN) with PyTorch's default
initialisation or with ICNR. Every upsampling layer starts with the same output variance,
in expectation over the initialisation, away from the border and on an input whose squared
values are the same at every pixel; each model is trained from three seeds, and a layer is called better than another
only when the difference of the means exceeds twice the seeds' spread pooled over the
four layers (the root mean of their variances), not each layer's own. Bicubic
interpolation is the baseline without learning.

Environment: ``SR_STEPS`` sets the number of training steps per model and seed. The
tests use a handful of steps.
"""

# %% setup
import contextlib
import copy
import os
import time

import matplotlib.pyplot as plt
import numpy as np
import skimage.data
import torch
import torch.nn as nn
import torch.nn.functional as F
from _upsamplers import checkerboard_score, icnr_
from matplotlib.cbook import get_sample_data
from torch.optim.swa_utils import AveragedModel

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
steps = int(os.environ.get("SR_STEPS", 1200))
print(f"torch {torch.__version__} on {device}; {steps} training steps per model and seed")
threads = torch.get_num_threads()


@contextlib.contextmanager
def one_thread():
    # Tensors this small gain little from several CPU threads, and on a busy machine
    # the threads wait for each other; the measurements and the training run on one.
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)

# %% data
# Grey-scale photographs in [0, 1] (BT.601 luma weights on the stored RGB values).
# Two are held out for evaluation only.
def grey(rgb):
    image = torch.from_numpy(np.asarray(rgb, dtype=np.float32))
    if image.max() > 1:
        image = image / 255
    return image @ torch.tensor([0.299, 0.587, 0.114]) if image.ndim == 3 else image


with get_sample_data("grace_hopper.jpg") as file:
    hopper = grey(plt.imread(file)[..., :3])
train_images = {name: grey(getattr(skimage.data, name)()) for name in ("astronaut", "coffee", "rocket", "camera", "coins", "brick", "page", "text")}
test_images = {"grace_hopper": hopper, "chelsea": grey(skimage.data.chelsea())}


def random_patches(images, count, size, generator):
    patches = []
    for index in torch.randint(len(images), (count,), generator=generator).tolist():
        image = images[index]
        top = torch.randint(image.shape[0] - size + 1, (1,), generator=generator).item()
        left = torch.randint(image.shape[1] - size + 1, (1,), generator=generator).item()
        patches.append(image[top : top + size, left : left + size])
    return torch.stack(patches).unsqueeze(1).to(device)


def downscale(high):
    # The degradation to undo: antialiased bicubic downsampling by 2.
    return F.interpolate(high, scale_factor=0.5, mode="bicubic", antialias=True).clamp(0, 1)


generator = torch.Generator().manual_seed(0)
train_high = random_patches(list(train_images.values()), 4096, 32, generator)
test_high = random_patches(list(test_images.values()), 96, 48, generator)
train_low, test_low = downscale(train_high), downscale(test_high)
print(f"train: {len(train_images)} images -> {tuple(train_high.shape)} patches, low resolution {tuple(train_low.shape[-2:])}")
print(f"test:  {', '.join(f'`{name}`' for name in test_images)} (held out) -> {tuple(test_high.shape)} patches")

# %% models
# Bicubic enlargement plus a learned correction (global residual learning, as in VDSR):
# features at low resolution (as in ESPCN), then one x2 upsampling layer to one channel.
def upsampler(kind, channels, fair=True):
    if kind == "resize-conv":
        layer = nn.Conv2d(channels, 1, 3, padding=1)
        block = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), layer)
    elif kind == "transposed conv":
        layer = block = nn.ConvTranspose2d(channels, 1, 4, stride=2, padding=1)
        if fair:
            # PyTorch draws these weights as if each output summed out_channels * 4 * 4
            # products (pytorch#30079); at stride 2 it sums in_channels * 2 * 2 away from the
            # border (in_channels * 1 * 1 at a corner). Use that count, as the convolutions'
            # default does with theirs.
            bound = (channels * 2 * 2) ** -0.5
            nn.init.uniform_(layer.weight, -bound, bound)
    else:
        layer = nn.Conv2d(channels, 4, 3, padding=1)
        block = nn.Sequential(icnr_(layer) if kind == "ESPCN + ICNR" else layer, nn.PixelShuffle(2))
    if fair:
        # One bias per sub-pixel position would start ESPCN with a pattern no other
        # layer has; all start unbiased.
        nn.init.zeros_(layer.bias)
    return block


class SuperResolution(nn.Module):
    def __init__(self, kind, seed=0, channels=16, fair=True):
        super().__init__()
        torch.manual_seed(seed)
        self.features = nn.Sequential(
            nn.Conv2d(1, channels, 5, padding=2), nn.ReLU(), nn.Conv2d(channels, channels, 3, padding=1), nn.ReLU()
        )
        self.upsample = upsampler(kind, channels, fair)

    def forward(self, low):
        return F.interpolate(low, scale_factor=2, mode="bicubic") + self.upsample(self.features(low))


kinds = ["resize-conv", "transposed conv", "ESPCN", "ESPCN + ICNR"]
for kind in kinds:
    net = SuperResolution(kind)
    print(f"{kind:16s} parameters: {sum(p.numel() for p in net.parameters()):4d}   upsampling: {net.upsample}")

# %% psnr
# PSNR protocol: clamp the output to [0, 1], shave 2 pixels at each border, take the
# mean squared error per patch, PSNR = 10 log10(1 / MSE) per patch (peak 1), then the
# mean over the 96 held-out patches. Averaging per-patch PSNR weights the easy, flat
# patches more than the PSNR of the pooled MSE would.
def psnr_per_patch(output, target, shave=2):
    mse = (output.clamp(0, 1) - target)[..., shave:-shave, shave:-shave].pow(2).mean(dim=(1, 2, 3))
    return 10 * torch.log10(1 / mse)


def psnr(output, target):
    return psnr_per_patch(output, target).mean().item()


bicubic = F.interpolate(test_low, scale_factor=2, mode="bicubic")
bicubic_psnr = psnr(bicubic, test_high)
pooled = 10 * torch.log10(1 / (bicubic.clamp(0, 1) - test_high)[..., 2:-2, 2:-2].pow(2).mean()).item()
print(f"bicubic: mean of per-patch PSNR {bicubic_psnr:.2f} dB; PSNR of the pooled MSE {pooled:.2f} dB")

# %% start
# Before training: the root mean square of the untrained correction (output minus
# bicubic) on the held-out patches, in grey levels of 255, with PyTorch's default
# initialisation and with the one used here, over 100 seeds (with 20 the bias's share
# is lost in the seeds' noise); and the checkerboard score of the untrained model on a
# constant mid-grey input (the periodic share of its variance, 2x2 phases, inside an
# 8-pixel border: 0 flat, 1 nothing but a pattern), in float64: on GPUs with TF32 (Ampere
# and newer) cuDNN rounds float32 convolutions through TF32 by default, too coarsely for a
# test of flatness. With one seed
# every model has the same feature extractor, so its features are computed once.
seeds = (0, 1, 2)
start_seeds = range(100)
grey_input = torch.full((1, 1, 32, 32), 0.5, device=device, dtype=torch.float64)
squares = {(kind, fair): [] for kind in kinds for fair in (False, True)}
with torch.no_grad(), one_thread():
    for seed in start_seeds:
        features = SuperResolution(kinds[0], seed).to(device).features(test_low)
        for kind, fair in squares:
            squares[kind, fair].append(SuperResolution(kind, seed, fair=fair).upsample.to(device)(features).pow(2).mean().item())
    start_rms = {key: 255 * np.mean(values) ** 0.5 for key, values in squares.items()}
    score_at_init = {
        kind: float(np.mean([checkerboard_score(SuperResolution(kind, seed).to(device, torch.float64)(grey_input), 2, 8) for seed in seeds]))
        for kind in kinds
    }
print(f"Untrained correction over {len(start_seeds)} seeds; checkerboard score over seeds {list(seeds)}.")
print()
print("| upsampling layer | untrained correction, PyTorch default init (RMS of 255) | init used here | checkerboard score at start |")
print("|---|---:|---:|---:|")
for kind in kinds:
    print(f"| {kind} | {start_rms[kind, False]:.1f} | {start_rms[kind, True]:.1f} | {score_at_init[kind]:.2f} |")

# %% training
# Every model sees the same batches in the same order for a given seed, with the same
# optimiser, learning rate and loss (mean squared error); the seed sets both the
# initialisation and the batches. The learning rate is constant, so a later point of
# the curve is what a longer run would have reached at that step. What is evaluated is
# an exponential moving average of the weights (decay rising to 0.99 at step 891, then about the last 100 steps),
# meant to damp the jitter that a constant learning rate leaves in them (how much it removes is not measured here).
def moving_average(average, current, count):
    # Shorter at the start, as in TensorFlow's ExponentialMovingAverage with
    # num_updates, so that early averages do not lean on the initial weights.
    decay = min(0.99, (1 + count.item()) / (10 + count.item()))
    return decay * average + (1 - decay) * current


def train(kind, seed):
    net = SuperResolution(kind, seed).to(device)
    average = AveragedModel(net, avg_fn=moving_average)
    optimiser = torch.optim.Adam(net.parameters(), lr=learning_rate)
    order = torch.Generator().manual_seed(seed)
    curve, seconds = [(0, psnr(net(test_low), test_high))], 0.0
    for step in range(1, steps + 1):
        started = time.perf_counter()
        batch = torch.randint(len(train_high), (batch_size,), generator=order).to(device)
        loss = F.mse_loss(net(train_low[batch]), train_high[batch])
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        average.update_parameters(net)
        seconds += time.perf_counter() - started
        if step % evaluate_every == 0 or step == steps:
            with torch.no_grad():
                curve.append((step, psnr(average.module(test_low), test_high)))
    return average.module, np.array(curve), seconds / steps


batch_size, learning_rate, evaluate_every = 16, float(os.environ.get("SR_LR", 2e-3)), max(steps // 12, 1)
runs = {}
with one_thread():
    for seed in seeds:  # seeds outside, so no layer always runs first on a cold machine
        for kind in kinds:
            runs[kind, seed] = train(kind, seed)
curves = {kind: np.stack([runs[kind, seed][1][:, 1] for seed in seeds]) for kind in kinds}  # seeds x evaluations
evaluated = runs[kinds[0], seeds[0]][1][:, 0].astype(int)
print(f"{len(seeds)} seeds x {len(kinds)} layers, {steps} steps each, held-out PSNR every {evaluate_every} steps")

# %% results
# Every layer's spread between seeds has the same sources (initialisation and batch
# order), and the standard deviation of three seeds is itself uncertain: one layer's can
# come out several times smaller than another's by chance and let a difference pass
# that does not survive more steps. So the spread is pooled over the layers, the root
# mean of their variances (sample, n - 1). A layer beats another when the difference of
# their means exceeds twice the pooled spread, one for each side; it beats bicubic,
# which has no seed, when its mean lies more than the pooled spread above it.
def pooled_spread(psnrs):
    return float(np.mean([psnrs[kind].var(ddof=1) for kind in kinds]) ** 0.5)


def verdict(psnrs):
    """Which layers beat bicubic, and which pairs of layers are separated, by the rule above."""
    spread, mean = pooled_spread(psnrs), {kind: psnrs[kind].mean() for kind in kinds}
    return (
        tuple(kind for kind in kinds if mean[kind] - bicubic_psnr > spread),
        tuple((a, b) for a in kinds for b in kinds if mean[a] - mean[b] > 2 * spread),
    )


final = {kind: curves[kind][:, -1] for kind in kinds}
# The first evaluation from which on every evaluation gives the final verdict: the step
# since which the verdict has not changed (the final evaluation trivially qualifies too).
verdicts = [verdict({kind: curves[kind][:, i] for kind in kinds}) for i in range(len(evaluated))]
stable_since = next(int(evaluated[i]) for i in range(len(verdicts)) if all(v == verdicts[-1] for v in verdicts[i:]))
with torch.no_grad():
    # On a constant input, the trained models' output away from the border is periodic
    # or flat; its standard deviation is the pattern's amplitude, in grey levels of 255
    # (float64, as above).
    pattern = {
        kind: np.mean([255 * copy.deepcopy(runs[kind, seed][0]).double()(grey_input)[..., 8:-8, 8:-8].std().item() for seed in seeds])
        for kind in kinds
    }
ms_per_step = {kind: 1e3 * np.array([runs[kind, seed][2] for seed in seeds]) for kind in kinds}
spread = pooled_spread(final)
print(f"Held-out PSNR after {steps} steps on {device}, mean ± std over seeds {list(seeds)}; bicubic: {bicubic_psnr:.2f} dB; "
      f"spread pooled over the layers: {spread:.2f} dB.")
print()
print("| method | parameters | PSNR (dB) | over bicubic (dB) | pattern on constant input after training (of 255) | ms per training step (median of seeds) |")
print("|---|---:|---:|---:|---:|---:|")
print(f"| bicubic (no learning) | 0 | {bicubic_psnr:.2f} | | 0 | |")
for kind in kinds:
    parameters = sum(p.numel() for p in runs[kind, seeds[0]][0].parameters())
    print(f"| {kind} | {parameters} | {final[kind].mean():.2f} ± {final[kind].std(ddof=1):.2f} | {final[kind].mean() - bicubic_psnr:+.2f} "
          f"| {pattern[kind]:.2f} | {np.median(ms_per_step[kind]):.1f} |")
above, separated = verdicts[-1]
print()
# The layers' names are quoted as code in these sentences, as in the code that builds them.
print(f"Better than bicubic beyond the pooled spread: {', '.join(f'`{kind}`' for kind in above) if above else 'none'}.")
print(f"Pairs of layers separated by more than twice the pooled spread: {'; '.join(f'`{a}` > `{b}`' for a, b in separated) if separated else 'none'}.")
best = [kind for kind in kinds if all((kind, other) in separated for other in kinds if other != kind)]
print(f"Best layer: `{best[0]}`." if best else "No layer beats every other, so none is named best.")
print(f"This verdict has not changed since step {stable_since} of {steps}.")
# How much the last quarter of training still moved each layer's mean, against the spread
# pooled over the layers (not the layer's own).
quarter = int(np.searchsorted(evaluated, steps * 3 // 4))
# A verdict that changed within the last quarter rests on a difference near the threshold.
settled_verdict = stable_since <= evaluated[quarter]
if not settled_verdict:
    print("It changed within the last quarter of training: read it as no difference.")
drift = {kind: final[kind].mean() - curves[kind][:, quarter].mean() for kind in kinds}
settled = [kind for kind in kinds if abs(drift[kind]) < spread]
print(f"From step {evaluated[quarter]} to {steps} the mean PSNR moved by "
      + ", ".join(f"{drift[kind]:+.2f} dB (`{kind}`)" for kind in kinds)
      + f"; less than the pooled spread for {len(settled)} of {len(kinds)}.")

# %% curves
# Mean held-out PSNR of the seeds, the band one standard deviation either side. Right:
# the second half of training, enlarged.
figure, axes = plt.subplots(1, 2, figsize=(10, 3.8))
half = evaluated >= steps // 2
for axis, shown in zip(axes, (evaluated >= 0, half)):
    for kind in kinds:
        mean, std = curves[kind].mean(axis=0)[shown], curves[kind].std(axis=0, ddof=1)[shown]
        axis.plot(evaluated[shown], mean, marker=".", label=kind)
        axis.fill_between(evaluated[shown], mean - std, mean + std, alpha=0.2)
    axis.axhline(bicubic_psnr, color="black", linestyle="--", label="bicubic interpolation")
    axis.set_xlabel("step")
    axis.set_ylabel("held-out PSNR (dB)")
axes[1].legend(fontsize=8)
figure.suptitle(f"Mean ± std of {len(seeds)} seeds")
figure.tight_layout()
plt.show()

# %% crops
# The four held-out patches that bicubic gets most wrong (lowest PSNR by the protocol
# above), enlarged by each method (the seed-0 models).
with torch.no_grad():
    shown = psnr_per_patch(bicubic, test_high).argsort()[:4].tolist()
    columns = {
        "low resolution": F.interpolate(test_low, scale_factor=2, mode="nearest"),
        "bicubic interpolation": bicubic,
        **{kind: runs[kind, 0][0](test_low) for kind in kinds},
        "original": test_high,
    }
figure, axes = plt.subplots(len(shown), len(columns), figsize=(1.6 * len(columns), 1.7 * len(shown)))
for row, index in enumerate(shown):
    for col, (name, images) in enumerate(columns.items()):
        axes[row, col].imshow(images[index, 0].clamp(0, 1).cpu().numpy(), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        axes[row, col].set_xticks([])
        axes[row, col].set_yticks([])
        if row == 0:
            axes[row, col].set_title(name, fontsize=8)
figure.tight_layout()
plt.show()
