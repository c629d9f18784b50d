"""What the tests share: the project's paths, examples run as scripts, and site builds."""

from __future__ import annotations

import ast
import json
import os
import platform
import re
import runpy
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.py") if not p.name.startswith("_"))
# Settings that shorten the slow examples (training steps, benchmark sizes) when the tests
# only need to know that they run; the site build in the tests runs them in full.
QUICK = {"SR_STEPS": "24", "PERF_TINY": "1"}
# Helper modules that examples import; those with cells can be shown on pages too.
HELPERS = sorted(p for p in (ROOT / "examples").glob("_*.py"))


# What each run_example of this session found wrong with the example as a script ("" for nothing);
# tests/examples/test_run_as_script.py asserts on it, so no example runs twice for that check.
SCRIPT_RUNS: dict[str, str] = {}


_GLOBALS: dict[tuple, tuple[dict, str]] = {}  # (globals, what the run printed) per example and settings


def run_example(name: str) -> dict:
    """The globals of ``examples/NAME.py`` run as a script, once per session and settings.

    Several test modules read one example's values (the frequency-response tests read the
    aliasing example's): they share one run, so treat the globals as read-only.
    """
    return _shared_run(name)[0]


def printed_by(name: str) -> str:
    """What ``examples/NAME.py`` printed in the run :func:`run_example` shares (made now if need be)."""
    return _shared_run(name)[1]


def _shared_run(name: str) -> tuple[dict, str]:
    key = (name, *(os.environ.get(k) for k in QUICK))
    if key not in _GLOBALS:
        _GLOBALS[key] = run_script(name)
    return _GLOBALS[key]


def run_script(name: str) -> tuple[dict, str]:
    """Run ``examples/NAME.py`` as ``python examples/NAME.py`` would; return its globals and what it printed.

    As that command does: the script is ``__main__``, its folder is first on ``sys.path`` (so its
    helper modules import), ``sys.argv`` names it, and the working directory is elsewhere. It
    also checks what a reader who runs it sees: something printed, and every figure it draws
    reaching ``plt.show()``; the verdict goes to :data:`SCRIPT_RUNS`.
    """
    import contextlib
    import io
    import tempfile

    import matplotlib.pyplot as plt

    path = ROOT / "examples" / name
    shown: set[int] = set()
    printed = io.StringIO()
    show, argv, cwd = plt.show, sys.argv, os.getcwd()
    plt.show = lambda *args, **kwargs: shown.update(plt.get_fignums())
    sys.path.insert(0, str(path.parent))
    sys.argv = [str(path)]
    try:
        with tempfile.TemporaryDirectory() as elsewhere:
            os.chdir(elsewhere)
            with contextlib.redirect_stdout(printed):
                names = runpy.run_path(str(path), run_name="__main__")
        unshown = sorted(set(plt.get_fignums()) - shown)
        SCRIPT_RUNS[name] = (
            "printed nothing"
            if not printed.getvalue().strip()
            else f"figures never shown: {unshown}"
            if unshown
            else ""
        )
        return names, printed.getvalue()
    finally:
        os.chdir(cwd)
        sys.stdout.write(printed.getvalue())
        sys.path.remove(str(path.parent))
        plt.show, sys.argv = show, argv
        plt.close("all")


# The loop of a Python process that run_python keeps: one snippet per line in, one reply per line out.
# Replies go to a private copy of the real stdout, which is pointed at stderr, so that nothing a
# library writes to file descriptor 1 can break a reply.
_SERVE = r"""
import contextlib, io, json, os, sys, traceback
import torch
reply = os.fdopen(os.dup(1), "w")
os.dup2(2, 1)
sys.path.insert(0, "examples")
threads = torch.get_num_threads()
for line in sys.stdin:
    printed, error = io.StringIO(), ""
    try:
        with contextlib.redirect_stdout(printed):
            exec(json.loads(line), {"__name__": "__main__"})
    except BaseException:
        error = traceback.format_exc()
    torch.set_num_threads(threads)
    reply.write(json.dumps([printed.getvalue(), error]) + "\n")
    reply.flush()
"""
_PROCESSES: dict[tuple, subprocess.Popen] = {}


def run_python(code: str, **env: str) -> str:
    """What ``code`` prints when run by a Python process whose environment also holds ``env``.

    For the settings torch reads once, when it loads (``ATEN_CPU_CAPABILITY``, ``ONEDNN_MAX_CPU_ISA``,
    ``OMP_NUM_THREADS``). One process per environment serves the session, since a fresh one spends
    most of its time importing torch; each call still starts as a fresh process would: new globals,
    torch's first thread count, the repository as working directory and ``examples/`` importable. A snippet that raises fails the calling test with its traceback.
    """
    key = tuple(sorted(env.items()))
    process = _PROCESSES.get(key)
    if process is None or process.poll() is not None:
        process = _PROCESSES[key] = subprocess.Popen(
            [sys.executable, "-c", _SERVE],
            env={**os.environ, **env},
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
    process.stdin.write(json.dumps(code) + "\n")
    process.stdin.flush()
    reply = process.stdout.readline()
    if not reply:
        raise AssertionError(f"the Python process with {env} ended (exit code {process.wait()}) running:\n{code}")
    printed, error = json.loads(reply)
    assert not error, f"with {env}:\n{error}"
    return printed


_PILLOW_UINT8_CODE = (
    "import numpy as np, torch, torch.nn.functional as F\n"
    "from PIL import Image\n"
    "x = (torch.arange(81) * 37 % 256).to(torch.uint8).view(1, 1, 9, 9)\n"
    "gaps = []\n"
    "for mode, resample in MODES:\n"
    "    y = F.interpolate(x, size=(3, 1), mode=mode, antialias=True)[0, 0]\n"
    "    p = np.asarray(Image.fromarray(x[0, 0].numpy(), 'L').resize((1, 3), resample))\n"
    "    gaps.append(int((y.int() - torch.tensor(p).int()).abs().max()))\n"
    "print(torch.backends.cpu.get_cpu_capability(), min(gaps))\n"
)


def assert_uint8_against_pillow_breaks(modes: list[tuple[str, int]]) -> None:
    """Where 8-bit images part from Pillow by more than "a level (or several)" (review 16; the
    downsample-methods and frequency-response pages): without AVX2, with alpha, and at 1x1."""
    import numpy as np
    import torch
    import torch.nn.functional as F
    from PIL import Image

    # without AVX2 the one-pixel-wide bug hits 8-bit grey images too
    code = _PILLOW_UINT8_CODE.replace("MODES", repr([(mode, int(resample)) for mode, resample in modes]))
    out = run_python(code, ATEN_CPU_CAPABILITY="default").split()
    assert out[0] == "DEFAULT" and int(out[1]) > 10
    # Pillow premultiplies alpha (RGBA, LA) before resizing: tens of levels apart
    rgba = torch.randint(0, 256, (1, 4, 32, 32), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    for mode, resample in modes:
        y = F.interpolate(rgba, size=(16, 16), mode=mode, antialias=True)[0]
        image = Image.fromarray(rgba[0].permute(1, 2, 0).contiguous().numpy(), "RGBA").resize((16, 16), resample)
        p = torch.tensor(np.asarray(image)).permute(2, 0, 1)
        assert (y.int() - p.int()).abs().max() > 20, mode
        opaque = torch.cat([rgba[:, :3], torch.full_like(rgba[:, :1], 255)], 1)
        image = Image.fromarray(opaque[0].permute(1, 2, 0).contiguous().numpy(), "RGBA").resize((16, 16), resample)
        y = F.interpolate(opaque, size=(16, 16), mode=mode, antialias=True)[0]
        assert (y.int() - torch.tensor(np.asarray(image)).permute(2, 0, 1).int()).abs().max() <= 2, mode
        rgb = Image.fromarray(rgba[0, :3].permute(1, 2, 0).contiguous().numpy(), "RGB").resize((16, 16), resample)
        assert (y[:3].int() - torch.tensor(np.asarray(rgb)).permute(2, 0, 1).int()).abs().max() <= 2, mode
    # with AVX2, a contiguous 3-channel image shrunk to 1x1 stops at an internal assert
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        for mode, _ in modes:
            with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
                F.interpolate(rgba[:, :3].contiguous(), size=(1, 1), mode=mode, antialias=True)


def assert_uint8_one_pixel_wide_bug_above_4_channels_with_avx2(modes: tuple[str, ...]) -> None:
    """With AVX2, contiguous uint8 meets the one-pixel-wide bug above 4 channels and a 3-channel image to 1x1
    stops at an assert; channels_last copies escape both (review 18; downsample-methods, frequency-response)."""
    import torch
    import torch.nn.functional as F

    if torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"):
        pytest.skip("the AVX2 uint8 kernel")
    generator = torch.Generator().manual_seed(18)
    for mode in modes:
        for channels in (3, 4, 5, 8):
            x = torch.randint(0, 256, (1, channels, 9, 6), generator=generator, dtype=torch.uint8)
            wrong = F.interpolate(x, size=(4, 1), mode=mode, antialias=True).int()
            last = x.contiguous(memory_format=torch.channels_last)
            right = F.interpolate(last, size=(4, 1), mode=mode, antialias=True).int()
            assert ((wrong - right).abs().max() > 10) == (channels > 4)
        x = torch.randint(0, 256, (1, 3, 4, 4), generator=generator, dtype=torch.uint8)
        with pytest.raises(RuntimeError, match="num_channels"):
            F.interpolate(x, size=(1, 1), mode=mode, antialias=True)
        F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(1, 1), mode=mode, antialias=True)


def _channels_last_copy(x):
    import torch

    return x.clone(memory_format=torch.channels_last)


# One image in the layouts the one-pixel-wide bug pages name: only the channels_last copy escapes the bug (review 80)
IMAGE_VIEWS = {
    "contiguous": lambda x: x.clone(),
    "channels_last": _channels_last_copy,
    "every second column": lambda x: x.repeat_interleave(2, dim=-1)[..., ::2],
    "transposed": lambda x: x.transpose(-1, -2).contiguous().transpose(-1, -2),
    "from HWC": lambda x: x[0].permute(1, 2, 0).contiguous().permute(2, 0, 1)[None],
}


def assert_only_a_channels_last_copy_escapes_the_float_one_pixel_wide_bug(modes: tuple[tuple[str, int], ...]) -> None:
    """Float images one pixel wide (height changing, both heights at least two) part from Pillow in every layout but
    a channels_last copy with more than one channel (reviews 79, 80; downsample-methods, frequency-response)."""
    import itertools

    import numpy as np
    import torch
    import torch.nn.functional as F
    from PIL import Image

    generator = torch.Generator().manual_seed(79)
    for h, w, oh in ((2, 3, 5), (5, 5, 3), (6, 4, 2), (4, 7, 8), (6, 1, 3)):
        for channels, dtype, view in itertools.product((1, 2, 3, 5), (torch.float32, torch.float64), IMAGE_VIEWS):
            x = torch.rand(1, channels, h, w, generator=generator)
            image = IMAGE_VIEWS[view](x.to(dtype))
            assert torch.equal(image, x.to(dtype))
            assert image.is_contiguous() == (view == "contiguous") or channels == 1 or w == 1, view
            escapes = view == "channels_last" and channels > 1
            for mode, resample in modes:
                ours = F.interpolate(image, size=(oh, 1), mode=mode, antialias=True)[0]
                theirs = np.stack(
                    [
                        np.asarray(Image.fromarray(x[0, c].numpy(), mode="F").resize((1, oh), resample))
                        for c in range(channels)
                    ]
                )
                missed = np.abs(ours.double().numpy() - theirs).max() > 1e-3  # Pillow precision: 2e-5
                assert missed != escapes, (h, w, oh, channels, dtype, view, mode)


def assert_uint8_odd_factor_slicing_breaks_off_channels_last_above_4_channels() -> None:
    """uint8 shrunk by an odd k to a row is the slice only in a channels_last copy, or with AVX2 up to 4 channels:
    column slices, transposes and HWC views meet the one-pixel-wide bug too (review 80; aliasing, frequency-response)."""
    import itertools

    import torch
    import torch.nn.functional as F

    avx2 = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512")
    generator = torch.Generator().manual_seed(80)
    views = [view for view in IMAGE_VIEWS if view != "contiguous"]
    for k, channels, view, mode in itertools.product((3, 5), (2, 3, 4, 5, 8), views, ("bilinear", "bicubic")):
        x = torch.randint(0, 256, (1, channels, 3 * k, k), generator=generator, dtype=torch.uint8)
        image = IMAGE_VIEWS[view](x)
        assert torch.equal(image, x) and not image.is_contiguous(), view
        sliced = torch.equal(F.interpolate(image, scale_factor=1 / k, mode=mode), x[..., k // 2 :: k, k // 2 :: k])
        assert sliced == (view == "channels_last" or (avx2 and channels <= 4)), (k, channels, view, mode)


def run_in_generic_x86_code(code: str) -> str:
    """What ``code`` prints under torch's generic x86 kernels (``ATEN_CPU_CAPABILITY=default``); skips off x86."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        pytest.skip("the page's statement is about torch's x86 code")
    return run_python(code, ATEN_CPU_CAPABILITY="default")


def docstring_of(source: str) -> str:
    """The module docstring of an example's source (its notebook's first cell), whitespace-normalised."""
    return " ".join(ast.get_docstring(ast.parse(source)).split())


def assert_pages_say(*pages_and_words: tuple[str, str]) -> None:
    """Assert that each docs/PAGE still says WORDS, whatever the line breaks: a test binds the sentence it checks."""
    for page, words in pages_and_words:
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert " ".join(words.split()) in text, f"docs/{page} no longer says: {words}"


@dataclass
class Build:
    """One ``mkdocs build --strict`` of a project: where it went and what it said."""

    returncode: int
    log: str
    site: Path


def mkdocs_build(project: Path, site: Path, **env: str) -> Build:
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
    )
    return Build(completed.returncode, completed.stdout + completed.stderr, site)


def add_page(project: Path, name: str, body: str, body_zh: str | None = None) -> None:
    """Add docs/NAME.md (and its Chinese twin unless body_zh is None) to the nav."""
    (project / "docs" / f"{name}.md").write_text(body, encoding="utf-8")
    if body_zh is not None:
        (project / "docs" / f"{name}.zh.md").write_text(body_zh, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("nav:\n", f"nav:\n  - {name}: {name}.md\n", 1))


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Import into a test module of thousands of tiny ops: a second thread makes them wait for each
    other on a busy 2-core machine (20x slower)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def docs_section(page: str, anchor: str) -> str:
    """The text of the section of docs/PAGE whose heading mkdocs turns into ANCHOR, up to the next heading of its
    level: a test that a link lands where the sentence says reads the section it lands on."""
    lines = (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
    heads = [(i, len(m.group(1)), m.group(2)) for i, line in enumerate(lines) if (m := re.match(r"(#+) (.*)", line))]

    def slug(title):
        return re.sub(r"\s+", "-", re.sub(r"[^\w\s-]", "", title.strip().lower()))

    start, level = next((i, n) for i, n, title in heads if slug(title) == anchor)
    end = next((i for i, n, _ in heads if i > start and n <= level), len(lines))
    return "\n".join(lines[start:end])


_WIDTH_ONE_BUG_WORDS = {"en": ("torch bug", "one pixel wide"), "zh": ("缺陷", "宽 1 像素", "宽度为 1")}


def assert_width_one_bug_links_land_on_its_section(page: str, language: str, at_least: int) -> None:
    """Every link from docs/PAGE (its LANGUAGE twin) to the support page whose preceding 500 characters name the
    one-pixel-wide bug carries #width-one-bug, and that section, not the page's top, states the bug."""
    suffix = ".md" if language == "en" else ".zh.md"
    text = " ".join((ROOT / "docs" / f"{page}{suffix}").read_text(encoding="utf-8").split())
    anchors = []
    for match in re.finditer(r"\[[^\[\]]+\]\(interpolate-support\.md(#[\w-]*)?\)", text):
        sentence = text[max(0, match.start() - 500) : match.start()]
        if any(word in sentence for word in _WIDTH_ONE_BUG_WORDS[language]):
            anchors.append(match.group(1))
    assert len(anchors) >= at_least and set(anchors) == {"#width-one-bug"}, anchors
    support = (ROOT / "docs" / f"interpolate-support{suffix}").read_text(encoding="utf-8")
    top, section = support.split("{#width-one-bug}")[0], support.split("{#width-one-bug}")[1].split("\n#")[0]
    width_one = "width of 1**" if language == "en" else "宽度为 1**"
    assert width_one in section and width_one not in top
