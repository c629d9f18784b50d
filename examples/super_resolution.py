"""Super-resolution, trained on the page.

A tiny x2 super-resolution network is trained at build time on grey-scale patches of
photographs that ship with matplotlib and scikit-image, then evaluated on patches of
two held-out photographs it never saw. Every learned model adds a correction to the
bicubic enlargement, computed by the same small feature extractor at low resolution
followed by one upsampling layer, the only difference between them: resize-conv,
transposed convolution, or convolution + PixelShuffle (ESPCN) with PyTorch's default
initialisation or with ICNR. Bicubic interpolation is the baseline without learning.

Environment: ``SR_STEPS`` sets the number of training steps per model (default: 300
on a CPU, 4000 on CUDA). The tests use a handful of steps.
"""

# %% setup
import os
import time

import matplotlib.pyplot as plt
import numpy as np
import skimage.data
import torch
import torch.nn as nn
import torch.nn.functional as F
from matplotlib.cbook import get_sample_data

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
steps = int(os.environ.get("SR_STEPS", 4000 if device.type == "cuda" else 300))
print(f"torch {torch.__version__} on {device}; {steps} training steps per model")

# %% data
# Grey-scale photographs in [0, 1]. Two are held out for evaluation only.
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
print(f"test:  {', '.join(test_images)} (held out) -> {tuple(test_high.shape)} patches")

# %% models
# Bicubic enlargement plus a learned correction (global residual learning, as in VDSR):
# features at low resolution (as in ESPCN), then one x2 upsampling layer to one channel.
def icnr_(conv, scale=2):
    """Aitken et al. 2017: the r*r sub-pixel outputs of each channel share one kernel."""
    with torch.no_grad():
        fresh = nn.Conv2d(conv.in_channels, conv.out_channels // scale**2, conv.kernel_size, padding=conv.padding)
        conv.weight.copy_(fresh.weight.repeat_interleave(scale**2, dim=0))
        conv.bias.copy_(fresh.bias.repeat_interleave(scale**2, dim=0))
    return conv


def upsampler(kind, channels):
    if kind == "resize-conv":
        return nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(channels, 1, 3, padding=1))
    if kind == "transposed conv":
        return nn.ConvTranspose2d(channels, 1, 4, stride=2, padding=1)
    conv = nn.Conv2d(channels, 4, 3, padding=1)
    return nn.Sequential(icnr_(conv) if kind == "ESPCN + ICNR" else conv, nn.PixelShuffle(2))


class SuperResolution(nn.Module):
    def __init__(self, kind, seed=0, channels=16):
        super().__init__()
        torch.manual_seed(seed)
        self.features = nn.Sequential(
            nn.Conv2d(1, channels, 5, padding=2), nn.ReLU(), nn.Conv2d(channels, channels, 3, padding=1), nn.ReLU()
        )
        self.upsample = upsampler(kind, channels)

    def forward(self, low):
        return F.interpolate(low, scale_factor=2, mode="bicubic") + self.upsample(self.features(low))


kinds = ["resize-conv", "transposed conv", "ESPCN", "ESPCN + ICNR"]
for kind in kinds:
    net = SuperResolution(kind)
    print(f"{kind:16s} parameters: {sum(p.numel() for p in net.parameters()):4d}   upsampling: {net.upsample}")

# %% score_at_init
# The checkerboard score of the checkerboard page, for one x2 layer: variance of the
# 2x2 phase means relative to the mean square, on a constant mid-grey input, inside a
# border of 8 pixels, averaged over seeds.
def checkerboard_score(y, period=2, margin=8):
    inner = y[..., margin:-margin, margin:-margin]
    n, c, h, w = inner.shape
    phase_means = inner.reshape(n, c, h // period, period, w // period, period).mean(dim=(2, 4))
    return (phase_means.flatten(2).var(dim=2, unbiased=False) / inner.pow(2).mean(dim=(2, 3))).mean().item()


grey_input = torch.full((1, 1, 32, 32), 0.5, device=device)
with torch.no_grad():
    score_at_init = {kind: float(np.mean([checkerboard_score(SuperResolution(kind, seed).to(device)(grey_input)) for seed in range(5)])) for kind in kinds}
for kind, score in score_at_init.items():
    print(f"{kind:16s} checkerboard score at initialisation: {score:.1e}")

# %% training
# Every model sees the same batches in the same order, with the same optimiser and
# loss (mean squared error). Each is trained from two random initialisations, to see
# how much of a difference between layers is just the seed.
def psnr(output, target, shave=2):
    mse = (output.clamp(0, 1) - target)[..., shave:-shave, shave:-shave].pow(2).mean(dim=(1, 2, 3))
    return (10 * torch.log10(1 / mse)).mean().item()


def train(kind, seed):
    net = SuperResolution(kind, seed).to(device)
    optimiser = torch.optim.Adam(net.parameters(), lr=learning_rate)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, steps)  # decays to 0 at the last step
    order = torch.Generator().manual_seed(1)
    losses, relative, curve = [], [], []
    with torch.no_grad():
        curve.append((0, psnr(net(test_low), test_high)))
    for step in range(1, steps + 1):
        batch = torch.randint(len(train_high), (batch_size,), generator=order).to(device)
        low, high = train_low[batch], train_high[batch]
        loss = F.mse_loss(net(low), high)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
        losses.append(loss.item())
        # The batches differ in difficulty; relative to bicubic on the same batch, the
        # curve shows what the model adds.
        relative.append(loss.item() / F.mse_loss(F.interpolate(low, scale_factor=2, mode="bicubic"), high).item())
        if step % evaluate_every == 0 or step == steps:
            with torch.no_grad():
                curve.append((step, psnr(net(test_low), test_high)))
    return net, losses, relative, curve


batch_size, learning_rate, evaluate_every, seeds = 16, float(os.environ.get("SR_LR", 3e-3)), max(steps // 6, 1), (0, 1)
bicubic_psnr = psnr(F.interpolate(test_low, scale_factor=2, mode="bicubic"), test_high)
# Tensors this small gain nothing from several CPU threads, and on a busy machine the
# threads wait for each other; train on one and restore the setting afterwards.
threads = torch.get_num_threads()
torch.set_num_threads(1)
try:
    runs, seconds = {}, {}
    for kind in kinds:
        started = time.perf_counter()
        for seed in seeds:
            runs[kind, seed] = train(kind, seed)
        seconds[kind] = (time.perf_counter() - started) / len(seeds)
        start, end = np.mean([runs[kind, seed][3][0][1] for seed in seeds]), np.mean([runs[kind, seed][3][-1][1] for seed in seeds])
        print(f"{kind:16s} {seconds[kind]:5.1f} s per run; held-out PSNR {start:.2f} dB at initialisation -> {end:.2f} dB")
finally:
    torch.set_num_threads(threads)

# %% results
# PSNR on the held-out patches (higher is better; mean of the two seeds, and half
# their difference), the checkerboard score on the constant input before and after
# training, and the training time of one run, as measured on the build machine.
with torch.no_grad():
    bicubic = F.interpolate(test_low, scale_factor=2, mode="bicubic")
    test_psnr = {kind: np.array([psnr(runs[kind, seed][0](test_low), test_high) for seed in seeds]) for kind in kinds}
    score_trained = {kind: np.mean([checkerboard_score(runs[kind, seed][0](grey_input)) for seed in seeds]) for kind in kinds}
print(f"{steps} steps per model and seed, on {device}; {len(test_high)} held-out patches of {test_high.shape[-1]}x{test_high.shape[-1]}.")
print()
print("| method | parameters | PSNR (dB) | ± (seeds) | checkerboard score at init | after training | training time (s) |")
print("|---|---:|---:|---:|---:|---:|---:|")
print(f"| bicubic (no learning) | 0 | {bicubic_psnr:.2f} | | 0 | 0 | |")
for kind in kinds:
    parameters = sum(p.numel() for p in runs[kind, 0][0].parameters())
    spread = np.ptp(test_psnr[kind]) / 2
    print(f"| {kind} | {parameters} | {test_psnr[kind].mean():.2f} | {spread:.2f} | {score_at_init[kind]:.1e} | {score_trained[kind]:.1e} | {seconds[kind]:.1f} |")
best = max(kinds, key=lambda kind: test_psnr[kind].mean())
beat = [kind for kind in kinds if test_psnr[kind].min() > bicubic_psnr]
print()
print(f"Best in this build: {best}, {test_psnr[best].mean() - bicubic_psnr:+.2f} dB over bicubic. "
      f"Better than bicubic with both seeds: {', '.join(beat) if beat else 'none'}.")

# %% curves
figure, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
window = max(steps // 15, 1)
for kind in kinds:
    relative = np.mean([runs[kind, seed][2] for seed in seeds], axis=0)
    left.plot(np.arange(window, steps + 1), np.convolve(relative, np.ones(window) / window, mode="valid"), label=kind)
    curve = np.mean([runs[kind, seed][3] for seed in seeds], axis=0)
    right.plot(curve[:, 0], curve[:, 1], marker=".", label=kind)
left.axhline(1, color="black", linestyle="--", label="bicubic interpolation")
right.axhline(bicubic_psnr, color="black", linestyle="--", label="bicubic interpolation")
# Zoom in on the end of training; the values at initialisation are printed above.
left.set_ylim(0.8, 1.3)
right.set_ylim(bicubic_psnr - 1, max(max(c[1] for c in run[3]) for run in runs.values()) + 0.2)
left.set_xlabel("step")
left.set_ylabel("training loss / bicubic loss (moving average)")
right.set_xlabel("step")
right.set_ylabel("held-out PSNR (dB)")
right.legend(fontsize=8)
figure.suptitle("Mean of the two seeds")
figure.tight_layout()

# %% crops
# The four held-out patches that bicubic gets most wrong, enlarged by each method
# (the seed-0 models).
with torch.no_grad():
    bicubic_error = (bicubic - test_high).pow(2).mean(dim=(1, 2, 3))
    shown = bicubic_error.argsort(descending=True)[:4].tolist()
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
