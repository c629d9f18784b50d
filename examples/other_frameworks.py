"""Against other frameworks: kornia, JAX, Hugging Face image processors, pytorch-fid.

kornia's resize and jax.image.resize run on the same inputs as the torch call meant to do
the same thing, over a sweep of sizes down and up (odd, tiny, factors up to 100), kornia's
blur pool over filter lengths, strides and small maps; those tables give the largest and
the mean absolute difference (jax's second table, one 5x1 -> 3x1 case, the largest only).
Hugging Face's image processors run on a photo, three crops of it and a float image,
against torch and against their PIL backend. A last table measures what pytorch-fid's resize without
antialias changes on the way to 299x299.
"""

# %% setup
import jax
import jax.numpy as jnp
import kornia
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
import transformers
from _downsample import blur_pool  # the site's BlurPool (shown above)
from _settings import full_float32  # convolutions in full float32 on CUDA too (shown above)
from matplotlib.cbook import get_sample_data
from PIL import Image
from transformers import CLIPImageProcessor, ViTImageProcessor
from transformers.models.clip.image_processing_pil_clip import CLIPImageProcessorPil
from transformers.models.vit.image_processing_pil_vit import ViTImageProcessorPil

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}; kornia {kornia.__version__}, jax {jax.__version__} on {jax.default_backend()}, "
      f"transformers {transformers.__version__}")

# %% cases
# Random values in [-1, 1] (negative ones too). Each case changes height and width by
# different factors: 100x (300 -> 3), non-integer (65 -> 32, 64 -> 17), odd and tiny sizes.
DOWN = [((300, 65), (3, 32)), ((64, 7), (17, 3)), ((3, 2), (1, 1))]
UP = [((3, 32), (300, 65)), ((17, 3), (64, 7)), ((1, 2), (5, 3))]
rng = np.random.default_rng(0)
inputs = {shape: rng.uniform(-1, 1, shape).astype(np.float32) for shape, _ in DOWN + UP}


def gaps(pairs):
    """Largest and mean absolute difference over a list of (ours, theirs) arrays."""
    diffs = np.concatenate([np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64)).ravel() for a, b in pairs])
    return diffs.max(), diffs.mean()


def torch_resize(image, size, where=device, **kwargs):
    x = torch.from_numpy(image).to(where)[None, None]
    return F.interpolate(x, size=size, **kwargs)[0, 0].cpu().numpy()


def print_table(first, rows):
    """rows: {(call, torch call): {direction: (max, mean)}} as a Markdown table."""
    print(f"| {first} | torch | down: max | down: mean | up: max | up: mean |")
    print("|---|---|---:|---:|---:|---:|")
    for (call, ours), cells in rows.items():
        print(f"| `{call}` | `{ours}` | " + " | ".join(f"{cells[d][0]:.2g} | {cells[d][1]:.2g}" for d in ("down", "up")) + " |")


for shape, size in DOWN + UP:
    print(f"{shape[0]}x{shape[1]} -> {size[0]}x{size[1]}")

# %% kornia_resize
from kornia.geometry.transform import resize as kornia_resize

KORNIA = {  # kornia call -> (its arguments, the torch call it is compared with)
    ("resize(x, size)", "bilinear"): (dict(), dict(mode="bilinear", align_corners=False)),
    ("resize(x, size, antialias=True)", "bilinear, antialias=True"): (dict(antialias=True), dict(mode="bilinear", antialias=True)),
    ("resize(x, size, 'bicubic', antialias=True)", "bicubic, antialias=True"): (
        dict(interpolation="bicubic", antialias=True), dict(mode="bicubic", antialias=True)),
    ("resize(x, size, 'bicubic', antialias=True)", "bicubic"): (dict(interpolation="bicubic", antialias=True), dict(mode="bicubic")),
}
# On the CPU: CUDA's antialiased kernel cannot fit bicubic's taps at 300 -> 3 in a thread
# block's shared memory and raises.
kornia_rows = {
    key: {
        direction: gaps([(kornia_resize(torch.from_numpy(inputs[shape]), size, **theirs), torch_resize(inputs[shape], size, where="cpu", **ours))
                         for shape, size in cases])
        for direction, cases in (("down", DOWN), ("up", UP))
    }
    for key, (theirs, ours) in KORNIA.items()
}
print_table("kornia", kornia_rows)

# %% kornia_blur_pool
from kornia.filters import blur_pool2d

# Every filter length the site's blur_pool takes, strides 2 and 3, even, odd and tiny maps.
SHAPES = [(16, 9), (5, 4), (3, 3), (2, 2)]
POOL = {  # the site's call each kornia blur_pool2d(x, k, stride) is compared with
    'blur_pool(x, k, stride, padding_mode="zeros")': lambda x, k, s: blur_pool(x, k, s, padding_mode="zeros", ceil_mode=True),
    "blur_pool(x, k, stride)": lambda x, k, s: blur_pool(x, k, s),
}


def interior(n, k, s):
    """The output rows whose k taps all lie inside the n input rows: padding cannot reach them."""
    before = (k - 1) // 2
    return slice(-(-before // s), max(0, (n - k + before) // s + 1))


pool_rows, pool_interior = {}, {}
with full_float32():  # both blur pools are convolutions
    for name, ours in POOL.items():
        pairs, inside = [], []
        for k in range(2, 8):
            for s in (2, 3):
                for shape in SHAPES:
                    x = torch.rand(1, 2, *shape, device=device) * 2 - 1
                    try:
                        a, b = blur_pool2d(x, k, s).cpu(), ours(x, k, s).cpu()
                    except ValueError:  # below the site's minimum size for this padding
                        continue
                    pairs.append((a, b))
                    rows, columns = interior(shape[0], k, s), interior(shape[1], k, s)
                    inside.append((a[..., rows, columns], b[..., rows, columns]))
        pool_rows[name], pool_interior[name] = gaps(pairs), gaps(inside)

    # blur_pool2d with 4 taps samples at 2i + 0.5, as F.interpolate does at scale 1/2,
    # whose bilinear antialias filter at that scale is [1, 3, 3, 1] / 8; 2 taps is a 2x2 mean.
    x = torch.rand(1, 2, 16, 16, device=device) * 2 - 1
    INTERPOLATE = {
        ("blur_pool2d(x, 4)", "bilinear, antialias, scale 1/2"): (blur_pool2d(x, 4), F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True), 4),
        ("blur_pool2d(x, 2)", "area, scale 1/2"): (blur_pool2d(x, 2), F.interpolate(x, scale_factor=0.5, mode="area"), 2),
    }
    for (name, _), (a, b, k) in INTERPOLATE.items():
        rows = interior(16, k, 2)
        pool_rows[name], pool_interior[name] = gaps([(a.cpu(), b.cpu())]), gaps([(a[..., rows, rows].cpu(), b[..., rows, rows].cpu())])

print("| kornia | compared with | max | mean | max, away from the border |")
print("|---|---|---:|---:|---:|")
for name in POOL:
    print(f"| `blur_pool2d(x, k, stride)` | `{name}` | {pool_rows[name][0]:.2g} | {pool_rows[name][1]:.2g} | {pool_interior[name][0]:.2g} |")
for name, label in INTERPOLATE:
    print(f"| `{name}` | `{label}` | {pool_rows[name][0]:.2g} | {pool_rows[name][1]:.2g} | {pool_interior[name][0]:.2g} |")

# %% jax_resize
# jax runs here on the CPU; so does torch for this table (torch's lanczos is CPU-only).
JAX = {  # (jax call, torch call) -> (jax arguments, torch arguments)
    ("linear", "bilinear, antialias=True"): (dict(method="linear"), dict(mode="bilinear", antialias=True)),
    ("linear, antialias=False", "bilinear"): (dict(method="linear", antialias=False), dict(mode="bilinear")),
    ("cubic", "bicubic, antialias=True"): (dict(method="cubic"), dict(mode="bicubic", antialias=True)),
    ("cubic, antialias=False", "bicubic"): (dict(method="cubic", antialias=False), dict(mode="bicubic")),
    ("cubic, antialias=False", "bicubic, antialias=True"): (dict(method="cubic", antialias=False), dict(mode="bicubic", antialias=True)),
    ("cubic-pytorch, antialias=False", "bicubic"): (dict(method="cubic-pytorch", antialias=False), dict(mode="bicubic")),
    # With jax's default antialias=True, cubic-pytorch is replaced by cubic (a = -0.5).
    ("cubic-pytorch", "bicubic"): (dict(method="cubic-pytorch"), dict(mode="bicubic")),
    ("cubic-pytorch", "bicubic, antialias=True"): (dict(method="cubic-pytorch"), dict(mode="bicubic", antialias=True)),
    ("lanczos3", "lanczos, antialias=True"): (dict(method="lanczos3"), dict(mode="lanczos", antialias=True)),
    ("nearest", "nearest-exact"): (dict(method="nearest"), dict(mode="nearest-exact")),
    ("area", "area"): (dict(method="area"), dict(mode="area")),
}
JAX_DOWN, JAX_UP = DOWN[::2], UP[::2]  # fewer cases: jax compiles every shape anew
jax_out = {}
for jax_args, _ in JAX.values():
    for shape, size in JAX_DOWN + JAX_UP:
        key = (tuple(sorted(jax_args.items())), shape)
        if key not in jax_out:
            jax_out[key] = np.asarray(jax.image.resize(jnp.asarray(inputs[shape]), size, **jax_args))
jax_rows = {
    key: {
        direction: gaps([(jax_out[tuple(sorted(jax_args.items())), shape], torch_resize(inputs[shape], size, "cpu", **torch_args)) for shape, size in cases])
        for direction, cases in (("down", JAX_DOWN), ("up", JAX_UP))
    }
    for key, (jax_args, torch_args) in JAX.items()
}
print_table("jax.image.resize", jax_rows)

# One exception the cases above miss: an output one pixel wide whose height changes, between
# heights of at least 2. torch's CPU antialias kernel then returns every row of a contiguous
# float input equal to the first (see the Pillow page); the
# same resize along the width, on the transpose, is right.
thin = inputs[17, 3][:5, :1].copy()  # 5 x 1 -> 3 x 1
jax_thin = np.asarray(jax.image.resize(jnp.asarray(thin), (3, 1), "linear"))
x = torch.from_numpy(thin)[None, None]
THIN = {
    'F.interpolate(x, (3, 1), mode="bilinear", antialias=True)': F.interpolate(x, (3, 1), mode="bilinear", antialias=True),
    'F.interpolate(x.mT, (1, 3), mode="bilinear", antialias=True).mT': F.interpolate(x.mT, (1, 3), mode="bilinear", antialias=True).mT,
}
thin_gaps = {call: np.abs(jax_thin - out[0, 0].numpy()).max() for call, out in THIN.items()}
print()
print("| jax.image.resize | torch | max |")
print("|---|---|---:|")
for call, gap in thin_gaps.items():
    print(f"| `linear`, 5×1 → 3×1 | `{call}` | {gap:.2g} |")

# nearest is nearest-exact away from ties: where (i + 1/2) * in / out is a whole number (or, on
# long axes, within float32 rounding of one), jax's float32 arithmetic and torch's can round
# to different sides.
n_in, n_out = 10, 25
column = np.repeat(np.arange(n_in, dtype=np.float32)[:, None], 2, axis=1)
jax_picks = np.asarray(jax.image.resize(jnp.asarray(column), (n_out, 2), "nearest"))[:, 0]
nearest_ties = [int(i) for i in np.flatnonzero(jax_picks != torch_resize(column, (n_out, 2), "cpu", mode="nearest-exact")[:, 0])]
all_ties = all((2 * i + 1) * n_in % (2 * n_out) == 0 for i in nearest_ties)
print()
print(f"`nearest` against `nearest-exact`, {n_in} → {n_out}: another input pixel at outputs {nearest_ties}; all ties: {all_ties}")

# %% hf_processors
# Hugging Face processors on 8-bit RGB, resize only (no rescale, no normalisation): the
# default ones (torchvision backend) and their PIL-backend twins. The torch reproduction
# runs F.interpolate on the uint8 CPU tensor, as torchvision does where it takes torch's uint8 kernel.
with get_sample_data("grace_hopper.jpg") as file:
    photo_rgb = plt.imread(file).copy()  # uint8, 600 x 512 x 3
HF_IMAGES = [photo_rgb, photo_rgb[:333, :217], photo_rgb[200:300, 100:177], photo_rgb[300:317, :300]]
ONLY_RESIZE = dict(do_rescale=False, do_normalize=False, return_tensors="pt")


def vit_torch(image):
    """ViT: straight to 224 x 224, bilinear."""
    x = torch.from_numpy(image).permute(2, 0, 1)[None]
    return F.interpolate(x, size=(224, 224), mode="bilinear", antialias=True)[0]


def clip_torch(image):
    """CLIP: shortest edge to 224 (the other int(224 * long / short)), bicubic, then the central 224 x 224."""
    h, w = image.shape[:2]
    size = (224, int(224 * w / h)) if h <= w else (int(224 * h / w), 224)
    x = F.interpolate(torch.from_numpy(image).permute(2, 0, 1)[None], size=size, mode="bicubic", antialias=True)[0]
    top, left = int((size[0] - 224) / 2), int((size[1] - 224) / 2)
    return x[:, top : top + 224, left : left + 224]


def processed(processor, image):
    return processor(Image.fromarray(image), **ONLY_RESIZE)["pixel_values"][0].to(torch.int64)


HF = {  # processor -> (its PIL-backend twin, the torch reproduction)
    "ViTImageProcessor": (ViTImageProcessor(), ViTImageProcessorPil(), vit_torch),
    "CLIPImageProcessor": (CLIPImageProcessor(), CLIPImageProcessorPil(), clip_torch),
}
hf_rows = {}
print("| processor | input | vs torch: max | vs PIL backend: max | vs PIL backend: channel values that differ |")
print("|---|---|---:|---:|---:|")
for name, (default, pil_backend, ours) in HF.items():
    for image in HF_IMAGES:
        out, pil_out, torch_out = processed(default, image), processed(pil_backend, image), ours(image).to(torch.int64)
        hf_rows[name, image.shape[:2]] = ((out - torch_out).abs().max().item(), (out - pil_out).abs().max().item(), (out != pil_out).float().mean().item())
        share = hf_rows[name, image.shape[:2]][2]  # a few differing values must not print as 0.0%
        print(f"| `{name}` | {image.shape[0]}×{image.shape[1]} | " + " | ".join(f"{v:.3g}" for v in hf_rows[name, image.shape[:2]][:2])
              + f" | {'< 0.1%' if 0 < share < 0.0005 else f'{share:.1%}'} |")

# %% hf_float
# The same ViT processors on a float image in [0, 1] (channels first). The PIL backend
# converts it to an 8-bit PIL image to resize it (astype(uint8): truncating), and divides
# by 255 afterwards. The signed mean is in 8-bit levels: truncation shows as a bias.
float_image = rng.random((3, 300, 280), dtype=np.float32)
reference = F.interpolate(torch.from_numpy(float_image)[None], size=(224, 224), mode="bilinear", antialias=True)[0]
hf_float = {}
print("| processor | vs torch: max | vs torch: signed mean × 255 | output on the 1/255 grid |")
print("|---|---:|---:|---|")
for name, processor in (("ViTImageProcessor", HF["ViTImageProcessor"][0]), ("ViTImageProcessorPil", HF["ViTImageProcessor"][1])):
    out = processor(float_image, **ONLY_RESIZE)["pixel_values"][0]
    levels = out.double() * 255
    difference = out.double() - reference.double()
    hf_float[name] = (difference.abs().max().item(), difference.mean().item() * 255, bool(torch.all((levels - levels.round()).abs() < 1e-3)))
    print(f"| `{name}` | {hf_float[name][0]:.2g} | {hf_float[name][1]:.2g} | {hf_float[name][2]} |")

# %% fid_resize
# pytorch-fid resizes to 299 x 299 with F.interpolate(bilinear, align_corners=False) and no
# antialias. How far is that from the same call with antialias=True? The photo (grayscale,
# resampled by Pillow's LANCZOS to each size) and a zone plate (rings down to two pixels
# apart in the corners) of each size.
def zone_plate(n):
    """cos(k r^2): rings that tighten with the radius, 0.5 cycles per pixel across them in the corners (about 0.35 along each axis)."""
    y, x = np.mgrid[:n, :n] - (n - 1) / 2
    r2 = x**2 + y**2
    return (0.5 + 0.5 * np.cos(np.pi * r2 / (2 * np.sqrt(r2.max())))).astype(np.float32)


gray = Image.fromarray(photo_rgb[44:556].mean(axis=2).astype(np.float32))  # 512 x 512, 'F' mode
FID_SIZES = (32, 64, 128, 256, 299, 512, 1024)
fid_rows = {}
print("| input size | photo: max | photo: mean | zone plate: max | zone plate: mean |")
print("|---:|---:|---:|---:|---:|")
for n in FID_SIZES:
    cells = []
    for image in (np.asarray(gray.resize((n, n), Image.Resampling.LANCZOS)) / 255, zone_plate(n)):
        image = image.astype(np.float32)
        aliased = torch_resize(image, (299, 299), mode="bilinear", align_corners=False)
        cells.append(gaps([(aliased, torch_resize(image, (299, 299), mode="bilinear", align_corners=False, antialias=True))]))
    fid_rows[n] = cells
    print(f"| {n} | " + " | ".join(f"{a:.2g} | {b:.2g}" for a, b in cells) + " |")
