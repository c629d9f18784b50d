"""The claims of docs/index*.md that summarise other pages: each summary keeps the target page's conditions."""

import ast
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn

import sitegen.cache as cache
from helpers import ROOT, assert_pages_say
from sitegen.environment import package_versions


def compiled_dtypes():
    """The DTYPES list of examples/torch_compile.py, read from its source (running it compiles every setting)."""
    tree = ast.parse((ROOT / "examples" / "torch_compile.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["DTYPES"]:
            return [getattr(torch, e.attr) for e in node.value.elts]
    raise AssertionError("no DTYPES in torch_compile.py")


def test_torch_compile_row_is_not_every_mode_and_dtype():
    """The old row said "for each mode and dtype": the page compiles float32 and bfloat16, and not lanczos."""
    import sys

    sys.path.insert(0, str(ROOT / "examples"))
    from _settings import INTERPOLATE_SETTINGS

    assert compiled_dtypes() == [torch.float32, torch.bfloat16]
    x = torch.rand(1, 1, 6, 6)
    for dtype in (torch.float64, torch.float16):  # eager interpolates these too
        assert F.interpolate(x.to(dtype), size=(4, 4), mode="bilinear").dtype == dtype
    assert F.interpolate(x, size=(4, 4), mode="lanczos", antialias=True).shape == (1, 1, 4, 4)
    assert "lanczos" not in {s["mode"] for s in INTERPOLATE_SETTINGS.values()}


def test_frameworks_row_jax_is_not_equal():
    """The old row said which torch call each framework's resize "equals": jax's default linear matches
    bilinear with antialias only up to float rounding."""
    import jax
    import jax.numpy as jnp
    import numpy as np

    x = torch.rand(1, 1, 1, 37, generator=torch.Generator().manual_seed(0)) * 2 - 1
    theirs = torch.from_numpy(np.asarray(jax.image.resize(jnp.asarray(x.numpy()), (1, 1, 1, 16), "linear")))
    ours = F.interpolate(x, size=(1, 16), mode="bilinear", antialias=True)
    assert torch.allclose(theirs, ours, atol=1e-6)
    assert not torch.equal(theirs, ours)


def test_torchvision_row_float16_is_not_the_call():
    """The old row said "the F.interpolate call each setting equals": a float16 bicubic resize is done in
    float32 and cast back, so it is not the float16 call."""
    import torchvision.transforms.v2.functional as TF

    x = (torch.rand(3, 20, 30, generator=torch.Generator().manual_seed(0)) * 2 - 1).half()
    theirs = TF.resize(x, [13, 47], interpolation=TF.InterpolationMode.BICUBIC, antialias=False)
    ours = F.interpolate(x[None], size=(13, 47), mode="bicubic", align_corners=False)[0]
    assert not torch.equal(theirs, ours)


def test_explorer_row_dots_are_mean_positions_not_where_bicubic_reads():
    """The old row said the explorer shows "where each output pixel reads": its dots are the weighted mean
    of the positions read, which for bicubic is not the point sampled, even inside the image."""
    x = torch.arange(6, dtype=torch.float64).view(1, 1, 1, 6)
    dots = F.interpolate(x, size=(1, 9), mode="bicubic", align_corners=False)[0, 0, 0]
    sampled = (torch.arange(9, dtype=torch.float64) + 0.5) * 6 / 9 - 0.5
    assert (dots - sampled)[2:-2].abs().max() > 0.04
    # Review 65: the row said "the mean position of the input pixels each output pixel reads" (the zh row says
    # weighted): bilinear reads pixels 1 and 2 for output 2 of 6 -> 9, whose plain mean 1.5 is not its dot 1.1667
    dot = F.interpolate(x, size=(1, 9), mode="bilinear", align_corners=False)[0, 0, 0, 2].item()
    assert abs(dot - (2.5 * 6 / 9 - 0.5)) < 1e-12 and abs(dot - 1.5) > 0.3
    en = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "index.zh.md").read_text(encoding="utf-8")
    assert "the weighted mean position of the input pixels each output pixel reads" in en
    assert "每个输出像素所读取的那些输入像素位置的加权平均" in zh


def test_run_it_yourself_does_not_promise_the_pages_printed_output():
    """The old text said `python examples/upsample_how.py` "prints what the page prints": its first line names
    the torch version and device, and on the same CPU torch's generic code (ATEN_CPU_CAPABILITY=default) ends
    the row 0.1, 0.2 enlarged to 7 pixels by `linear` on another float32 than its AVX2/AVX-512 code does."""
    from helpers import run_python

    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert 'print(f"torch {torch.__version__} on {device}")' in source
    code = "import torch, torch.nn.functional as F; print(repr(F.interpolate(torch.tensor([[[0.1, 0.2]]]), size=7, mode='linear')[0, 0, -1].item()))"
    assert run_python(code, ATEN_CPU_CAPABILITY="avx2") != run_python(code, ATEN_CPU_CAPABILITY="default")
    for name in ("index.md", "index.zh.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert "prints what the page" not in text and "打印出页面上打印的内容" not in text


def test_super_resolution_row_models_are_not_trained_during_every_build():
    """The old row said "a tiny ×2 model trained during the build": the example trains four models that differ in
    their upsampling layer (from three seeds each), and its result is stored under a key made of its code, packages,
    device and languages only, so a later build with the same key reuses an earlier build's training."""
    from sitegen.cache import cache_key

    tree = ast.parse((ROOT / "examples" / "super_resolution.py").read_text(encoding="utf-8"))
    values = {
        t.id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        for t in node.targets
        if getattr(t, "id", None) in ("kinds", "seeds")
    }
    assert len(values["kinds"]) == 4 and len(values["seeds"]) == 3
    example = ROOT / "examples" / "super_resolution.py"
    assert cache_key(example, ["en", "zh"]) == cache_key(example, ["en", "zh"])
    for name, old in (("index.md", "model trained during the build"), ("index.zh.md", "构建时现场训练")):
        assert old not in (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert "构建时现场训练" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")  # the zh nav said it too


def test_build_promise_covers_what_the_code_prints_not_every_result_in_the_prose():
    """Review 49: the intro said "Every result on these pages ... was computed by a build of the site". The
    glossary runs no example, yet its prose gives results typed there (the 0..9 row brought to 4 pixels by
    antialiased bilinear with align_corners=True gives 1.25, 4, 7, 8.67): the test suite checks them, no build
    computes them. The promise now covers what the code prints, the tables and the figures."""
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert "::: example" not in glossary and "1.25, 4, 7, 8.67" in glossary
    row = torch.arange(10.0).view(1, 1, 1, 10)
    got = F.interpolate(row, size=(1, 4), mode="bilinear", antialias=True, align_corners=True)[0, 0, 0]
    assert [round(v, 2) for v in got.tolist()] == [1.25, 4.0, 7.0, 8.67]
    en = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "index.zh.md").read_text(encoding="utf-8")
    assert "Every result on these pages" not in en and "每个结果" not in zh
    assert "Each number the code on these pages prints, each table of results and each\nfigure was" in en
    assert "这些页面上代码打印出的每个数字、每张结果表格和每幅图，都是**由本站的构建计算出来的**" in zh


def test_build_promise_names_the_packages_the_code_imports_not_every_package():
    """Review r101-9: the intro (and the explorer's) said an earlier build's results are reused when it had "the
    same code, packages and device" (zh 依赖包版本): the cache key holds the versions of the packages the example
    and the build's worker import, not of what they depend on. upsample_how.py turns tensors into numpy arrays and
    prints their minimum, yet numpy's version is not in its key."""
    example = ROOT / "examples" / "upsample_how.py"
    sources = [example, *cache.local_imports(example), *(Path(cache.__file__).parent / n for n in cache.WORKER_SOURCES)]
    modules = set().union(*(cache.imported_names(path.read_text(encoding="utf-8")) for path in sources))
    assert ".numpy()" in example.read_text(encoding="utf-8")
    assert {"torch", "matplotlib", "python"} <= set(package_versions(modules)) and "numpy" not in package_versions(
        modules
    )
    for name, old, new in (
        (
            "index.md",
            "same code, packages\nand device",
            "same code, device, and versions of Python\nand of the packages the code imports",
        ),
        ("index.zh.md", "依赖包版本", "代码、设备、Python 版本以及代码所导入的包的版本都相同"),
        (
            "interpolate-explorer.md",
            "same code, packages and device",
            "same code, device, and versions of Python and\nof the packages the code imports",
        ),
        ("interpolate-explorer.zh.md", "依赖包版本", "代码、设备、Python 版本以及代码所导入的包的版本都相同"),
    ):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert old not in text and new in text, name


def test_output_size_row_88_times_120_over_88_gives_119_in_every_mode_and_rank():
    # Review r97-1: the row's "why 88 × (120/88) gives 119" was bound to no test of this page
    shapes = {1: (1, 1, 88), 2: (1, 1, 88, 88), 3: (1, 1, 88, 88, 88)}
    modes = {1: ("nearest", "nearest-exact", "linear", "area"), 2: ("nearest", "bilinear", "bicubic", "area")}
    modes[3] = ("nearest", "trilinear", "area")
    for rank, shape in shapes.items():
        for mode in modes[rank]:
            out = F.interpolate(torch.zeros(shape), scale_factor=120 / 88, mode=mode)
            assert out.shape[2:] == (119,) * rank, (rank, mode)
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "why 88 × (120/88) gives 119" in index
    assert "为什么 88 × (120/88) 得到 119" in (ROOT / "docs" / "index.zh.md").read_text(encoding="utf-8")


def test_equivalences_row_does_not_equate_the_module_with_the_function():
    """Review r102-9: the row answered "`nn.Upsample` = `F.interpolate`" (zh 就是), but the module stores a factor of
    0 as None: given a size too it resizes where the function refuses both, and with area alone it refuses where the
    function returns an empty tensor."""
    for rank in (3, 4, 5):
        x = torch.rand((1, 2) + (8,) * (rank - 2))
        assert nn.Upsample(size=16, scale_factor=0)(x).shape[2:] == (16,) * (rank - 2)
        with pytest.raises(ValueError):
            F.interpolate(x, size=16, scale_factor=0)
        assert F.interpolate(x, scale_factor=0.0, mode="area").numel() == 0
        with pytest.raises(ValueError):
            nn.Upsample(scale_factor=0.0, mode="area")(x)
    en, zh = ((ROOT / "docs" / f"index{lang}.md").read_text(encoding="utf-8") for lang in ("", ".zh"))
    assert "`nn.Upsample` = `F.interpolate`" not in en and "`nn.Upsample` 就是 `F.interpolate`" not in zh
    assert "| where `nn.Upsample` and `F.interpolate` agree, the deprecated layers," in en
    assert "| `nn.Upsample` 与 `F.interpolate` 在哪些情况下结果一致、已弃用的几个层" in zh


def test_cells_that_run_on_the_cpu_on_purpose_say_so():
    # Review 103: "every example run on your machine (CUDA if you have it, else the CPU)" left out the cells that pin
    # the CPU whatever the build device (lanczos taps, the one-pixel-wide bug); each such cell must say so in its
    # comments, and the home page now names them
    pinned = 0
    for path in sorted((ROOT / "examples").glob("[a-z]*.py")):
        for cell in path.read_text(encoding="utf-8").split("\n# %% ")[1:]:
            if 'torch.device("cpu")' in cell or 'device="cpu"' in cell:
                pinned += 1
                comments = " ".join(line for line in cell.splitlines() if line.lstrip().startswith("#"))
                assert "CPU" in comments, (path.name, cell.splitlines()[0])
    assert pinned >= 2
    assert_pages_say(
        ("index.md", "else the CPU; some cells run on the CPU on purpose, and say so"),
        ("index.zh.md", "有些单元格特意在 CPU 上运行，并会注明"),
    )


def test_every_pages_setup_cell_is_folded():
    # Review r128-9: the intro says "by the code shown with it (setup cells are folded: click to open them)"; no test
    # bound it: a page embedding its example's setup cell without code=folded would show it open. Every embed of a
    # `#setup` cell, on every en and zh page, must carry code=folded, and each page that runs an example embeds one.
    embeds = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("::: example ") and line.split()[2].endswith("#setup"):
                embeds.append((page.name, line))
                assert "code=folded" in line.split()[3:], (page.name, line)
    pages = {name for name, _ in embeds}
    assert len(pages) >= 40 and {"upsample.md", "upsample.zh.md", "interpolate-explorer.zh.md"} <= pages
    assert_pages_say(
        ("index.md", "(setup cells are folded: click to open them)"),
        ("index.zh.md", "（准备代码默认折叠，点开即可查看）"),
    )


def nav_titles() -> dict[str, dict[str, str]]:
    """Per language, each page's title in mkdocs.yml's nav (zh through its nav_translations)."""
    import yaml

    class IgnoreTags(yaml.SafeLoader):
        pass

    IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)  # !!python/name and friends
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=IgnoreTags)

    def pages(nav):
        for item in nav:
            for title, target in item.items():
                yield from [(title, target)] if isinstance(target, str) else pages(target)

    english = {target: title for title, target in pages(config["nav"])}
    [i18n] = [p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p]
    [zh] = [language["nav_translations"] for language in i18n["languages"] if language["locale"] == "zh"]
    return {"en": english, "zh": {target: zh.get(title, title) for target, title in english.items()}}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_index_names_each_page_by_its_nav_title(language):
    """The zh index named four pages by titles the nav does not use (讲清楚 ConvTranspose2d for ConvTranspose2d 详解,
    性能实测 for 性能与带宽实测, ...), so a reader could not find them in the menu."""
    import re

    page = ROOT / "docs" / ("index.md" if language == "en" else "index.zh.md")
    rows = re.findall(r"^\| \[([^\]]+)\]\(([a-z-]+\.md)\)", page.read_text(encoding="utf-8"), flags=re.M)
    titles = nav_titles()[language]
    assert len(rows) >= 25
    # a title with a subtitle may be cut at its colon: the row's description gives the rest (Recipes)
    assert [
        label for label, target in rows if label not in (titles[target], re.split("[:：]", titles[target])[0])
    ] == []
