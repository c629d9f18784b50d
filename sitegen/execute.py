"""The worker: run stale examples cell by cell in one interpreter and store their results.

The MkDocs hook starts this as ``python -m sitegen.execute`` once per build, only when
some example's cache key changed. One process imports torch once for all of them;
MkDocs itself never imports torch. Each example runs as ``python examples/X.py`` would
(``__name__ == "__main__"``, its folder first on ``sys.path``), with fixed seeds, in a
scratch working directory so that files it writes never land in the project.

For every cell it keeps what was printed to stdout and every figure left open, saved
once per site language with figure text translated (``sitegen.translate``): a text that
needs a translation and has none, or one the drawing lost (tick labels a formatter redraws),
fails the example. A glyph
missing from the fonts (in plain text or mathtext) is an error, as is any exception,
printing more than ``SITEGEN_MAX_OUTPUT`` bytes (default 1 MB) or running longer than
``SITEGEN_TIMEOUT`` seconds (default 600); errors name file, line and cell.

Each example's result is stored as soon as it finishes. Progress goes to an events file
(one JSON object a line: ``start``, ``cell``, ``stored``, ``error``, ``done``) that the
hook reads while the worker runs, so it can log progress, enforce the time limit from
outside and name the example and cell a dying worker was running.

:func:`run_cells` is the part other tools reuse (``sitegen.record``): it needs neither
nbformat nor the fonts when figure saving is off.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib.metadata
import importlib.util
import io
import json
import logging
import os
import re
import shutil
import signal
import sys
import time
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from sitegen import cache, translate  # noqa: E402
from sitegen.cells import CellError, Script, imported_names, parse_script  # noqa: E402
from sitegen.environment import cpu_model  # noqa: E402

CJK_FONT_FILE = ("fonts", "noto", "NotoSansCJKsc-Regular.otf")
FONT_FAMILY = ["DejaVu Sans", "Noto Sans CJK SC"]
LABELS_NAME = f"docs/{translate.FILE_NAME}"
DEFAULT_TIMEOUT = 600.0
DEFAULT_MAX_OUTPUT = 1_000_000
GLYPH_WARNING = re.compile(r"Glyph (\d+) .*missing from font")


class ExampleError(Exception):
    """An example that failed; the message is the one line the build log shows."""


class Interrupt(BaseException):
    """Raised inside a cell to stop it (BaseException: an example's ``except Exception`` cannot swallow it)."""


class TimeLimit(Interrupt):
    pass


class OutputLimit(Interrupt):
    pass


class GlyphMissing(Interrupt):
    def __init__(self, char: str) -> None:
        super().__init__(char)
        self.char = char


def env_number(name: str, default: float) -> float:
    text = os.environ.get(name, "")
    try:
        return float(text) if text else default
    except ValueError:
        raise SystemExit(f"sitegen: {name}={text} is not a number") from None


def register_cjk_font() -> None:
    """Add Noto Sans CJK SC from the mpl-font wheel to matplotlib, writing nothing to disk."""
    spec = importlib.util.find_spec("mpl_font")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("sitegen: the CJK font package 'mpl-font' is not installed (see requirements.txt)")
    font = Path(spec.submodule_search_locations[0]).joinpath(*CJK_FONT_FILE)
    matplotlib.font_manager.fontManager.addfont(str(font))


def uses_torch(script: Script) -> bool:

    from sitegen.cells import local_imports

    paths = [script.path, *local_imports(script.path)]
    return any("torch" in imported_names(p.read_text(encoding="utf-8")) for p in paths)


def reset_state(script: Script) -> None:
    """Give each example the same starting point: torch's seed, plot style, no open figures."""
    plt.close("all")
    matplotlib.rcdefaults()
    matplotlib.rcParams["font.family"] = FONT_FAMILY
    if uses_torch(script):  # torch takes seconds to import; examples without it do not pay
        import torch

        torch.manual_seed(0)
        if torch.are_deterministic_algorithms_enabled():  # the setter imports torch._dynamo: 1.7 s
            torch.use_deterministic_algorithms(False)


def describe_device() -> dict[str, str]:
    if "torch" in sys.modules:
        import torch

        version, cuda = torch.__version__, torch.cuda.is_available()
    else:
        try:
            version = importlib.metadata.version("torch")
        except importlib.metadata.PackageNotFoundError:
            version = "not installed"
        cuda = False
    if cuda:
        device, name = "cuda", torch.cuda.get_device_name()
    else:
        device, name = "cpu", cpu_model()
    threads = str(torch.get_num_threads()) if "torch" in sys.modules else str(os.cpu_count())
    return {
        "torch": version,
        "device": device,
        "device_name": name,
        "threads": threads,
        "python": sys.version.split()[0],
        "computed_on": datetime.date.today().isoformat(),
    }


class LimitedOutput(io.StringIO):
    """stdout for a cell: raises :class:`OutputLimit` inside the print that goes over ``budget`` bytes."""

    def __init__(self, budget: float) -> None:
        super().__init__()
        self.budget = budget

    def write(self, text: str) -> int:
        self.budget -= len(text.encode("utf-8", "replace"))
        if self.budget < 0:
            raise OutputLimit()
        return super().write(text)


class _RaiseOnMathtextGlyph(logging.Handler):
    """matplotlib's mathtext logs a missing glyph and draws '¤' instead; make that an error."""

    def emit(self, record: logging.LogRecord) -> None:
        if "does not have a glyph" in record.msg:
            raise GlyphMissing(chr(record.args[2]))
        if "No TeX to Unicode mapping" in record.msg:
            raise GlyphMissing(str(record.args[0]))


@contextlib.contextmanager
def glyph_guard():
    """Turn a glyph missing from the fonts into :class:`GlyphMissing`, in plain text and mathtext."""
    logger = logging.getLogger("matplotlib.mathtext")
    handler = _RaiseOnMathtextGlyph()
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message="Glyph .* missing from")
            try:
                yield
            except UserWarning as warning:
                match = GLYPH_WARNING.search(str(warning))
                if match:
                    raise GlyphMissing(chr(int(match.group(1)))) from None
                raise
    finally:
        logger.removeHandler(handler)


def glyph_message(char: str, texts: list[tuple[str, str, str | None]]) -> str:
    """Name the figure text that holds ``char``; ``texts`` are (drawn, original, language if translated)."""
    shown = f"U+{ord(char):04X} {char!r}" if len(char) == 1 else char
    found = [t for t in texts if char in t[0]] or [t for t in texts if "$" in t[0]]
    fonts = ", ".join(FONT_FAMILY)
    if not found:
        return f"a glyph missing from the fonts ({fonts}): {shown}"
    drawn, original, language = found[0]
    where = f"figure text {drawn!r}"
    if language:
        where += f" (the {language} translation of {original!r} in {LABELS_NAME})"
    return f"{where} has a glyph missing from the fonts ({fonts}): {shown}"


def figure_texts(language: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(t.get_text(), t.get_text(), language) for n in plt.get_fignums() for t in plt.figure(n).findobj(Text)]


FigureSaver = Callable[[str], list[cache.Figure]]


def figure_title(figure) -> str:
    """The figure's suptitle, else its axes' titles: what the picture shows, for its alt text."""
    suptitle = figure._suptitle.get_text() if figure._suptitle else ""
    titles = [ax.get_title() for ax in figure.axes if ax.get_title()]
    return " ".join((suptitle or " · ".join(titles)).split())


@contextlib.contextmanager
def tick_labels_changed(figure, change: Callable[[str], str], needs: Callable[[str], bool]):
    """Apply ``change`` to tick labels with text in them: a draw resets tick texts from the formatters."""
    swapped = []
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for minor in (False, True):
                if any(needs(label.get_text()) for label in axis.get_ticklabels(minor=minor)):
                    old = axis.get_minor_formatter() if minor else axis.get_major_formatter()
                    new = matplotlib.ticker.FuncFormatter(lambda x, pos, old=old: change(old(x, pos)))
                    (axis.set_minor_formatter if minor else axis.set_major_formatter)(new)
                    swapped.append((axis, minor, old))
    try:
        yield
    finally:
        for axis, minor, old in swapped:
            (axis.set_minor_formatter if minor else axis.set_major_formatter)(old)


def figure_saver(staging: Path, translations: translate.Translations, languages: list[str], used: dict) -> FigureSaver:
    """Save every open figure once per language; a language without translated text reuses the first file.

    ``used`` collects, per language, each figure text and the translation it got (None: kept).
    A figure text that needs a translation and has none fails, and so does one still in English
    after drawing: a translation the drawing lost.
    """

    def in_language(text: str, language: str) -> str:
        try:
            return translations.translate(text, language)
        except translate.Untranslated:
            raise ExampleError(f"figure text {text!r} has no {language} translation in {LABELS_NAME}") from None

    def write(figure, name: str, drawn: list[tuple[str, str, str | None]]) -> None:
        try:
            with glyph_guard():
                figure.savefig(staging / name, dpi="figure", bbox_inches="tight")  # the example's dpi
        except GlyphMissing as missing:
            raise ExampleError(glyph_message(missing.char, drawn)) from None

    def save(cell: str) -> list[cache.Figure]:
        saved = []
        first = languages[0]
        for number, fignum in enumerate(plt.get_fignums(), start=1):
            figure = plt.figure(fignum)
            name = f"{cell}-{number}.{first}.png"
            write(figure, name, figure_texts())
            files, titles = {first: name}, {first: figure_title(figure)}
            texts = [t for t in figure.findobj(Text) if t.get_text()]  # tick labels exist once drawn
            originals = [t.get_text() for t in texts]
            used.setdefault(first, {}).update(dict.fromkeys(originals))
            for language in languages[1:]:
                translated = [in_language(s, language) for s in originals]
                used.setdefault(language, {}).update(
                    (s, new if new != s else None) for s, new in zip(originals, translated)
                )
                if translated == originals:
                    files[language], titles[language] = files[first], titles[first]
                    continue
                for text, new in zip(texts, translated):
                    text.set_text(new)
                titles[language] = figure_title(figure)
                files[language] = f"{cell}-{number}.{language}.png"
                drawn = [(new, old, language if new != old else None) for new, old in zip(translated, originals)]
                with tick_labels_changed(figure, lambda s: in_language(s, language), translations.needs):
                    write(figure, files[language], drawn)
                    lost = [t.get_text() for t in figure.findobj(Text) if translations.needs(t.get_text())]
                if lost:
                    raise ExampleError(f"figure text {lost[0]!r} was drawn in English on the {language} figure")
                for text, old in zip(texts, originals):
                    text.set_text(old)
            saved.append(cache.Figure(files, figure.get_label(), titles))
        plt.close("all")
        return saved

    return save


def display_path(path: Path, root: Path | None = None) -> str:
    """``examples/X.py`` relative to the project, not the worker's scratch directory."""
    root = root or path.parent.parent
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def example_traceback(script: Script, error: BaseException) -> str:
    """The traceback from the example's first frame on: the worker's own frames are noise to a reader."""
    frames = traceback.extract_tb(error.__traceback__)
    first = next((i for i, f in enumerate(frames) if f.filename == str(script.path)), 0)
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames[first:])]
    return "".join(lines + traceback.format_exception_only(type(error), error))


def failure(script: Script, cell: str, error: BaseException, limits: dict[str, float]) -> ExampleError:
    """Name the example's own line where the error surfaced, then what went wrong."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == str(script.path)]
    where = display_path(script.path) + (f":{frames[-1].lineno}" if frames else "")
    if isinstance(error, TimeLimit):
        problem = f"timed out after {limits['timeout']:g} s (SITEGEN_TIMEOUT)"
    elif isinstance(error, OutputLimit):
        problem = f"printed more than {limits['max_output']:g} bytes (SITEGEN_MAX_OUTPUT)"
    elif isinstance(error, GlyphMissing):
        problem = glyph_message(error.char, figure_texts())
    elif isinstance(error, ExampleError):
        problem = str(error)
    else:
        problem = f"{type(error).__name__}: {error}"
    return ExampleError(f"{where} (cell '{cell}'): {problem}")


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise :class:`TimeLimit` in the running cell after ``seconds`` (main thread, POSIX)."""

    def expire(signum, frame):
        raise TimeLimit()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_cells(
    script: Script,
    save_figures: FigureSaver | None = None,
    *,
    max_output: float = float("inf"),
    timeout: float | None = None,
    on_cell: Callable[[str], None] | None = None,
) -> dict[str, cache.CellResult]:
    """Execute ``script``'s cells in order in one namespace; return each cell's stdout and figures.

    With ``save_figures`` None the figures are closed unsaved. Raises :class:`ExampleError`
    naming file, line and cell; KeyboardInterrupt passes through (it is not the example's fault).
    """
    namespace = {"__name__": "__main__", "__file__": str(script.path), "__doc__": script.docstring}
    sys.argv = [str(script.path)]
    sys.path.insert(0, str(script.path.parent))
    results = {}
    budget = [max_output]
    limits = {"timeout": timeout or 0, "max_output": max_output}
    try:
        with time_limit(timeout) if timeout else contextlib.nullcontext():
            for cell in script.cells:
                if on_cell:
                    on_cell(cell.name)
                code = compile("\n" * (cell.line - 1) + cell.source, str(script.path), "exec")
                stdout = LimitedOutput(budget[0])
                try:
                    with contextlib.redirect_stdout(stdout), glyph_guard():
                        exec(code, namespace)
                    budget[0] = stdout.budget
                    figures = save_figures(cell.name) if save_figures else []
                except (Exception, SystemExit, Interrupt) as error:  # SystemExit from an example is a failure too
                    sys.stderr.write(example_traceback(script, error))
                    raise failure(script, cell.name, error, limits) from None
                finally:
                    plt.close("all")
                results[cell.name] = cache.CellResult(stdout.getvalue(), figures)
    finally:
        sys.path.remove(str(script.path.parent))
    return results


class Events:
    """The events file the hook reads while the worker runs."""

    def __init__(self, path: Path) -> None:
        self.handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 (open for the worker's lifetime)

    def __call__(self, event: str, **fields: object) -> None:
        self.handle.write(json.dumps({"event": event, **fields}, ensure_ascii=False) + "\n")
        self.handle.flush()


def run_one(
    path: Path, key: str, args: argparse.Namespace, translations: translate.Translations, events: Events
) -> None:
    """Run one example in a scratch directory and store its result; raise ExampleError or CellError."""
    shown = display_path(path, args.root)
    events("start", example=shown)
    staging = cache.staging_dir(args.cache, path.stem)
    scratch = cache.staging_dir(args.cache, f"cwd-{path.stem}")
    started = time.perf_counter()
    home = os.getcwd()
    languages = args.languages.split(",")
    try:
        if cache.cache_key(path, languages) != key:
            raise ExampleError(f"{shown} (or a module it imports) changed after the build read it: build again")
        script = parse_script(path)
        reset_state(script)
        used: dict[str, dict] = {}
        os.chdir(scratch)
        cells = run_cells(
            script,
            figure_saver(staging, translations, languages, used),
            max_output=env_number("SITEGEN_MAX_OUTPUT", DEFAULT_MAX_OUTPUT),
            timeout=env_number("SITEGEN_TIMEOUT", DEFAULT_TIMEOUT),
            on_cell=lambda name: events("cell", example=shown, cell=name),
        )
        os.chdir(home)
        if cache.cache_key(path, languages) != key:  # edited while it ran: its result may be either version's
            raise ExampleError(f"{shown} (or a module it imports) changed while it ran: build again")
        seconds = round(time.perf_counter() - started, 3)
        cache.store(args.cache, staging, cache.Result(shown, key, seconds, describe_device(), cells, used))
        events("stored", example=shown, seconds=seconds)
    finally:
        os.chdir(home)
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, required=True, help="the project, for the paths in messages")
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--translations", type=Path, required=True, help=f"the project's {translate.FILE_NAME}")
    parser.add_argument("--languages", required=True, help="comma-separated, default language first")
    parser.add_argument("--events", type=Path, required=True, help="where to append progress (JSON lines)")
    parser.add_argument("examples", nargs="+", help="PATH=KEY for each example to run")
    args = parser.parse_args(argv)
    args.cache = args.cache.resolve()  # examples run in a scratch directory: a relative path would move with them

    events = Events(args.events)
    register_cjk_font()
    plt.show = lambda *a, **k: None  # figures are collected after each cell instead
    translations = translate.Translations.load(args.translations)
    failed = False
    for item in args.examples:
        path_text, key = item.rsplit("=", 1)
        try:
            run_one(Path(path_text).resolve(), key, args, translations, events)
        except (CellError, ExampleError) as error:
            events("error", example=display_path(Path(path_text).resolve(), args.root), message=str(error))
            failed = True
    events("done")
    return 1 if failed else 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # not sys.exit: a thread an example left running must not keep the build waiting
