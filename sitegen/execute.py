"""The worker: run stale examples cell by cell in one interpreter and store their results.

The MkDocs hook starts this as ``python -m sitegen.execute`` once per build, only when
some example's cache key changed. One process imports torch once for all of them;
MkDocs itself never imports torch. Each example runs as ``python examples/X.py`` would
(``__name__ == "__main__"``, its folder first on ``sys.path``) with fixed seeds.

For every cell it keeps what was printed to stdout and every figure left open, saved
once per site language with figure text translated from the labels file. A glyph
missing from the fonts is an error, as is any exception; errors name file, line and cell.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib.util
import io
import json
import os
import random
import shutil
import sys
import time
import traceback
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import yaml  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from sitegen import cache  # noqa: E402
from sitegen.cells import CellError, Script, parse_script  # noqa: E402
from sitegen.environment import cpu_model  # noqa: E402

CJK_FONT_FILE = ("fonts", "noto", "NotoSansCJKsc-Regular.otf")
FONT_FAMILY = ["DejaVu Sans", "Noto Sans CJK SC"]


class ExampleError(Exception):
    """An example that failed; the message is the one line the build log shows."""


def register_cjk_font() -> None:
    """Add Noto Sans CJK SC from the mpl-font wheel to matplotlib, writing nothing to disk."""
    spec = importlib.util.find_spec("mpl_font")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("sitegen: the CJK font package 'mpl-font' is not installed (see requirements.txt)")
    font = Path(spec.submodule_search_locations[0]).joinpath(*CJK_FONT_FILE)
    matplotlib.font_manager.fontManager.addfont(str(font))


def reset_state() -> None:
    """Give each example the same starting point: seeds, plot style, no open figures."""
    import torch

    plt.close("all")
    matplotlib.rcdefaults()
    matplotlib.rcParams["font.family"] = FONT_FAMILY
    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)
    if torch.are_deterministic_algorithms_enabled():  # the setter imports torch._dynamo: 1.7 s
        torch.use_deterministic_algorithms(False)


def describe_device() -> dict[str, str]:
    import torch

    if torch.cuda.is_available():
        device, name = "cuda", torch.cuda.get_device_name()
    else:
        device, name = "cpu", cpu_model()
    return {
        "torch": torch.__version__,
        "device": device,
        "device_name": name,
        "threads": str(torch.get_num_threads()),
        "python": sys.version.split()[0],
        "computed_on": datetime.date.today().isoformat(),
    }


def save_figures(
    staging: Path, cell: str, labels: dict[str, dict[str, str]], languages: list[str], used: dict[str, dict]
) -> list[cache.Figure]:
    """Save every open figure once per language; a language without translated text reuses the first file.

    ``used`` collects, per language, each figure text and the translation it got.
    """
    saved = []
    for number, fignum in enumerate(plt.get_fignums(), start=1):
        figure = plt.figure(fignum)
        texts = [t for t in figure.findobj(Text) if t.get_text()]
        files: dict[str, str] = {}
        for language in languages:
            table = labels.get(language, {})
            originals = [t.get_text() for t in texts]
            translated = [table.get(s, s) for s in originals]
            used.setdefault(language, {}).update((s, table.get(s)) for s in originals)
            if files and translated == originals:
                files[language] = files[languages[0]]
                continue
            for text, new in zip(texts, translated):
                text.set_text(new)
            name = f"{cell}-{number}.{language}.png"
            figure.savefig(staging / name, dpi="figure", bbox_inches="tight")  # the example chooses the dpi
            for text, old in zip(texts, originals):
                text.set_text(old)
            files[language] = name
        saved.append(cache.Figure(files, figure.get_label()))
    plt.close("all")
    return saved


def failure(script: Script, cell: str, error: BaseException) -> ExampleError:
    """Name the example's own line where the error surfaced, then the exception."""
    path = str(script.path)
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == path]
    where = f"{os.path.relpath(path)}:{frames[-1].lineno}" if frames else os.path.relpath(path)
    return ExampleError(f"{where} (cell '{cell}'): {type(error).__name__}: {error}")


def run_example(
    script: Script, staging: Path, labels: dict, languages: list[str], used: dict[str, dict]
) -> dict[str, cache.CellResult]:
    """Execute the cells in order in one namespace, capturing each one's output and figures."""
    namespace = {"__name__": "__main__", "__file__": str(script.path), "__doc__": script.docstring}
    sys.argv = [str(script.path)]
    sys.path.insert(0, str(script.path.parent))
    results = {}
    try:
        for cell in script.cells:
            code = compile("\n" * (cell.line - 1) + cell.source, str(script.path), "exec")
            stdout = io.StringIO()
            started = time.perf_counter()
            try:
                with contextlib.redirect_stdout(stdout), warnings.catch_warnings():
                    warnings.filterwarnings("error", message="Glyph .* missing from")
                    exec(code, namespace)
                    figures = save_figures(staging, cell.name, labels, languages, used)
            except BaseException as error:  # SystemExit from an example is a failure too
                traceback.print_exc()
                raise failure(script, cell.name, error) from error
            results[cell.name] = cache.CellResult(stdout.getvalue(), round(time.perf_counter() - started, 3), figures)
    finally:
        sys.path.remove(str(script.path.parent))
        plt.close("all")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--languages", required=True, help="comma-separated, default language first")
    parser.add_argument("--errors", type=Path, required=True, help="where to write the list of failures (JSON)")
    parser.add_argument("examples", nargs="+", help="PATH=KEY for each example to run")
    args = parser.parse_args(argv)

    from sitegen import notebook  # nbformat and the converter: not needed where sitegen.record runs examples

    renderer = notebook.HtmlRenderer()
    register_cjk_font()
    plt.show = lambda *a, **k: None  # figures are collected after each cell instead
    labels = yaml.safe_load(args.labels.read_text(encoding="utf-8")) or {}
    languages = args.languages.split(",")
    environment = describe_device()
    errors, finished = [], []
    for item in args.examples:
        path_text, key = item.rsplit("=", 1)
        path = Path(path_text).resolve()
        staging = args.cache / f".staging-{path.stem}-{os.getpid()}"
        staging.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        try:
            script = parse_script(path)
            reset_state()
            used: dict[str, dict] = {}
            cells = run_example(script, staging, labels, languages, used)
        except (CellError, ExampleError) as error:
            errors.append(str(error))
            shutil.rmtree(staging)
            continue
        result = cache.Result(os.path.relpath(path), key, round(time.perf_counter() - started, 3), environment, cells, used)
        renderer.submit(notebook.write_ipynb(script, result, staging))
        finished.append((staging, result))
    renderer.wait()
    for staging, result in finished:
        cache.store(args.cache, staging, result)
    args.errors.write_text(json.dumps(errors, ensure_ascii=False), encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
