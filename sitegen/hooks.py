"""MkDocs hook: run the examples once per build and embed their cells into both languages' pages.

mkdocs-static-i18n builds the site once per language with the same config object, so
the examples are resolved once per config (in ``on_config``) and reused by every
language's pages; ``on_post_build`` does its work once, after the last language.

A build writes into a ``.SITE.partial-PID`` folder beside the site folder and swaps it in
only when every language built, strictly, with every local link resolving; a failed
build leaves the previous site in place. Settings, all optional, come from the environment:

- ``SITEGEN_EXECUTE=0``: run nothing and load nothing; pages show code and a notice.
- ``SITEGEN_FORCE=1``: re-run every example even when its cached result is current.
- ``SITEGEN_CACHE_DIR``: where results are kept (default ``.cache/sitegen``).
- ``SITEGEN_TIMEOUT``: seconds one example may run (default 600).
- ``SITEGEN_MAX_OUTPUT``: bytes one example may print (default 1000000).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import yaml

# MkDocs loads this file by path; make the package beside it importable however mkdocs was started.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs import utils as mkdocs_utils  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from sitegen import cache, notebook, record, render, translate  # noqa: E402
from sitegen.cells import CellError, Script, parse_script  # noqa: E402

log = logging.getLogger("mkdocs.plugins.sitegen")
STATE = "_sitegen_state"
# How long past SITEGEN_TIMEOUT the hook waits for the worker's own timer before killing it
# (the worker's timer names the line; the kill also stops a hang inside C code).
TIMEOUT_GRACE = 5.0
# Before an example's first cell the worker hashes it and imports what it needs: the build's own work, which took
# over 2 s on a loaded machine. The example's time limit starts with its first cell; until then the hook allows this.
PREPARE_LIMIT = 120.0
# This process's partial sites, for on_build_error (which is not given the config).
PARTIALS: list[Path] = []
LINKED = re.compile(r"<(?:img|a|source|script|link)\b[^>]*?\s(?:src|href)=\"([^\"]*)\"", re.IGNORECASE)


@dataclass
class State:
    """What one build knows about the examples, shared by all its language builds."""

    root: Path
    cache_root: Path
    site: Path
    partial: Path
    scripts: dict[str, Script] = field(default_factory=dict)
    results: dict[str, cache.Result] = field(default_factory=dict)
    post_builds: int = 0
    # The run recorded on a GPU machine, per example (see sitegen.record).
    recorded: dict[str, render.Recorded] = field(default_factory=dict)
    translations: translate.Translations = field(default_factory=translate.Translations)
    # Each page as a notebook in its language: path in the site -> .ipynb text.
    page_notebooks: dict[str, str] = field(default_factory=dict)


def load_recorded(scripts: dict[str, Script]) -> dict[str, render.Recorded]:
    """The committed GPU record's entries for the examples that have cell output in it."""
    try:
        run = record.load()
    except ValueError as error:
        raise PluginError(f"sitegen: {error}") from error
    if run is None:
        return {}
    return {
        name: render.Recorded(entry, run.provenance, run.is_current(scripts[name].path))
        for name, entry in run.examples.items()
        if entry.cells and name in scripts
    }


def languages(config: MkDocsConfig) -> list[str]:
    """The site's languages, default first, as the i18n plugin declares them."""
    i18n = config.plugins["i18n"].config.languages
    return [lang.locale for lang in sorted(i18n, key=lambda lang: not lang.default)]


def built_languages(config: MkDocsConfig) -> int:
    return sum(1 for lang in config.plugins["i18n"].config.languages if lang.build)


def is_helper(name: str) -> bool:
    """Files starting with '_' are modules that examples import: shown on pages, never run alone."""
    return name.startswith("_")


def discover(examples_dir: Path) -> dict[str, Script]:
    """Every example, and every helper module that has cells a page can show."""
    scripts = {}
    for path in sorted(examples_dir.glob("*.py")):
        if is_helper(path.name) and "\n# %%" not in "\n" + path.read_text(encoding="utf-8"):
            continue
        try:
            scripts[path.name] = parse_script(path)
        except CellError as error:
            raise PluginError(f"sitegen: {relative(error, examples_dir.parent)}") from error
    return scripts


def relative(error: Exception, root: Path) -> str:
    return str(error).replace(f"{root}{os.sep}", "")


def _die_with_parent() -> None:  # pragma: no cover (runs in the child)
    """Linux: the child is killed when mkdocs dies, so it never writes into a cache nobody reads."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def child(command: list[str], root: Path, **popen) -> subprocess.Popen:
    package_root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen(command, cwd=root, env=env, start_new_session=True, preexec_fn=_die_with_parent, **popen)


def stop(process: subprocess.Popen) -> None:
    """Kill the child and everything in its process group (its own session)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


class Renderer:
    """The notebook renderer child (``python -m sitegen.notebook``), started at the first submission."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.process: subprocess.Popen | None = None

    def submit(self, example: Path, folder: Path) -> None:
        if self.process is None:
            self.process = child(
                [sys.executable, "-m", "sitegen.notebook"], self.root, stdin=subprocess.PIPE, text=True
            )
        self.process.stdin.write(f"{example}\t{folder}\n")
        self.process.stdin.flush()

    def wait(self) -> None:
        if self.process is not None:
            self.process.stdin.close()
            if self.process.wait() != 0:
                raise PluginError(f"sitegen: rendering notebooks failed (status {self.process.returncode})")

    def kill(self) -> None:
        if self.process is not None:
            stop(self.process)


def run_worker(state: State, stale: dict[str, str], translations: Path, langs: list[str], renderer: Renderer) -> None:
    """Run the stale examples in one fresh interpreter, logging progress; raise naming each failure."""
    try:
        timeout = float(os.environ.get("SITEGEN_TIMEOUT") or 600)
    except ValueError:
        raise PluginError(f"sitegen: SITEGEN_TIMEOUT={os.environ['SITEGEN_TIMEOUT']} is not a number") from None
    events_file = state.cache_root / f"{cache.STAGING_PREFIX}events-{os.getpid()}.jsonl"
    events_file.write_text("")
    command = [
        sys.executable, "-m", "sitegen.execute", "--root", str(state.root), "--cache", str(state.cache_root),
        "--translations", str(translations), "--languages", ",".join(langs), "--events", str(events_file),
        *(f"{state.root / 'examples' / name}={key}" for name, key in stale.items()),
    ]  # fmt: skip
    errors: list[str] = []
    current, cell, started, done, done_at, pending = None, None, 0.0, False, 0.0, ""
    process = child(command, state.root, stdin=subprocess.DEVNULL)  # input() in an example fails, not waits
    try:
        with open(events_file, encoding="utf-8") as events:
            while True:
                finished = process.poll() is not None
                pending += events.read()
                *lines, pending = pending.split("\n")
                for line in lines:
                    event = json.loads(line)
                    kind = event["event"]
                    if kind == "start":
                        current, cell, started = event["example"], None, time.monotonic()
                        log.info(f"sitegen: running {current}")
                    elif kind == "cell":
                        if cell is None:  # the worker's own timer starts with the cells: so does this one
                            started = time.monotonic()
                        cell = event["cell"]
                    elif kind == "stored":
                        log.info(f"sitegen: {current} finished in {event['seconds']:.2f} s, stored")
                        name = Path(current).name
                        renderer.submit(state.scripts[name].path, cache.result_dir(state.cache_root, Path(name)))
                        current = None
                    elif kind == "error":
                        errors.append(event["message"])
                        current = None
                    elif kind == "done":
                        done, done_at = True, time.monotonic()
                if finished:
                    break
                if done and time.monotonic() - done_at > TIMEOUT_GRACE:
                    break  # stop() below: something the examples started keeps the worker alive
                allowed = timeout + min(TIMEOUT_GRACE, timeout) if cell else PREPARE_LIMIT
                if current and time.monotonic() - started > allowed:
                    stop(process)
                    if cell:
                        errors.append(
                            f"{current} (cell '{cell}'): timed out after {timeout:g} s (SITEGEN_TIMEOUT); stopped"
                        )
                    else:
                        errors.append(
                            f"{current}: the worker hung for {PREPARE_LIMIT:g} s before its first cell; stopped"
                        )
                    done = True
                    break
                time.sleep(0.05)
    except BaseException:  # Ctrl-C included: stop the worker; what it finished is stored already
        stop(process)
        renderer.kill()
        raise
    finally:
        stop(process)  # and whatever the examples started in its process group
        events_file.unlink(missing_ok=True)
        cache.remove_staging(state.cache_root)  # what a dead or stopped worker left; we hold the lock
    if not done:
        where = f" while running {current} (cell '{cell}')" if current else ""
        errors.append(f"the example worker died (exit status {process.returncode}){where}")
    if errors:
        renderer.wait()  # keep the notebooks of what did finish
        raise PluginError("sitegen: example failed:\n  " + "\n  ".join(errors))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if STATE in config:
        return config
    root = Path(config.config_file_path).resolve().parent
    cache_root = Path(os.environ.get("SITEGEN_CACHE_DIR", root / ".cache" / "sitegen")).resolve()
    site = Path(config.site_dir).resolve()
    partial = site.parent / f".{site.name}.partial-{os.getpid()}"
    for old in site.parent.glob(f".{site.name}.partial-*"):
        pid = old.name.rsplit("-", 1)[-1]
        if pid == str(os.getpid()) or not _alive(pid):
            shutil.rmtree(old, ignore_errors=True)
    state = State(root=root, cache_root=cache_root, site=site, partial=partial, scripts=discover(root / "examples"))
    state.recorded = load_recorded(state.scripts)
    config[STATE] = state
    config.site_dir = str(partial)
    PARTIALS.append(partial)
    if os.environ.get("SITEGEN_EXECUTE", "1") == "0":
        log.info("sitegen: SITEGEN_EXECUTE=0, examples are neither run nor loaded")
        return config
    waiting = lambda: log.info(f"sitegen: waiting for another build using {cache_root}")  # noqa: E731
    with cache.locked(cache_root, on_wait=waiting):
        resolve_examples(config, state)
    return config


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def resolve_examples(config: MkDocsConfig, state: State) -> None:
    """Load every example's result from the cache, running the stale ones and rendering their notebooks."""
    for name in cache.remove_staging(state.cache_root):
        log.info(f"sitegen: removed {name} from the cache (left by an interrupted build)")
    translations_file = Path(config.docs_dir) / translate.FILE_NAME
    try:
        state.translations = translate.Translations.load(translations_file)
    except (ValueError, yaml.YAMLError) as error:
        raise PluginError(f"sitegen: {error}") from error
    force = os.environ.get("SITEGEN_FORCE", "0") == "1"
    langs = languages(config)
    keys = {name: cache.cache_key(s.path, langs) for name, s in state.scripts.items() if not is_helper(name)}
    for name, key in keys.items():
        try:
            result = None if force else cache.load(state.cache_root, state.scripts[name].path, key)
        except cache.CacheDamaged as damage:
            log.info(f"sitegen: examples/{name}: damaged cache entry ({damage}), running it again")
            result = None
        if result and cache.translations_current(result, state.translations):
            state.results[name] = result
    stale = {name: key for name, key in keys.items() if name not in state.results}
    renderer = Renderer(state.root)
    for name in state.results:
        folder = cache.result_dir(state.cache_root, state.scripts[name].path)
        if not cache.notebook_current(folder, state.scripts[name].path):
            log.info(f"sitegen: examples/{name}: rendering its notebook again")
            renderer.submit(state.scripts[name].path, folder)
    if stale:
        started = time.perf_counter()
        run_worker(state, stale, translations_file, langs, renderer)
        log.info(f"sitegen: ran {len(stale)} example(s) in one process in {time.perf_counter() - started:.2f} s")
    renderer.wait()
    for name, key in keys.items():
        try:
            result = state.results.get(name) or cache.load(state.cache_root, state.scripts[name].path, key)
        except cache.CacheDamaged as damage:
            raise PluginError(f"sitegen: examples/{name}: its new result is damaged ({damage})") from damage
        if result is None:
            raise PluginError(f"sitegen: examples/{name} produced no result")
        state.results[name] = result
        status = "cache miss, ran" if name in stale else "cache hit, ran earlier"
        log.info(f"sitegen: examples/{name}: {status} in {result.seconds:.2f} s")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Fail the build when a page lacks its translation (suffix layout: NAME.md + NAME.zh.md)."""
    docs = Path(config.docs_dir)
    others = languages(config)[1:]
    for page in sorted(docs.rglob("*.md")):
        if any(page.name.endswith(f".{lang}.md") for lang in others):
            base = page.with_name(page.name.rsplit(".", 2)[0] + ".md")
            if not base.is_file():
                raise PluginError(f"sitegen: {page.relative_to(docs.parent)} has no English page {base.name}")
            continue
        for lang in others:
            twin = page.with_suffix(f".{lang}.md")
            if not twin.is_file():
                raise PluginError(f"sitegen: {page.relative_to(docs.parent)} has no translation {twin.name}")
    return files


def directive_lines(page: Page, config: MkDocsConfig) -> list[int]:
    """The file line of each embed-like line of the page's source, in order."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    return [source.count("\n", 0, m.start()) + 1 for m in render.LOOKS_LIKE_DIRECTIVE.finditer(source)]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace each ``::: example`` line with the cell's code, output and figures."""
    state: State = config[STATE]
    language = config.plugins["i18n"].current_language
    used: list[str] = []
    where = Path(config.docs_dir).name + "/" + page.file.src_uri
    lines = iter(directive_lines(page, config))
    book = notebook.PageNotebook()
    done = 0  # how much of the page's Markdown the notebook holds

    def replace(match: re.Match[str]) -> str:
        nonlocal done
        line = match.group(0).strip()
        at = f"{where}:{next(lines, '?')}"
        try:
            directive = render.Directive.parse(match.group(0).rstrip())
            script = state.scripts.get(directive.file)
            if script is None:
                raise ValueError(f"no example examples/{directive.file}")
            cell = script.cell(directive.cell)
        except (CellError, ValueError) as error:
            raise PluginError(f"sitegen: {at}: {line}: {error}") from error
        book.prose(source[done : match.start()])
        done = match.end()
        if is_helper(directive.file):  # its code runs inside the examples that import it
            book.helper(directive.file, cell.source)
            return render.code_block(directive, cell, language) + "\n"
        if directive.file not in used:
            used.append(directive.file)
        recorded = state.recorded.get(directive.file)
        result = state.results.get(directive.file)
        try:
            if result is not None:
                add_to_notebook(book, state, directive, result.cells[cell.name], cell.source, language)
            return render.embed(directive, cell, result, page.url, language, state.translations, recorded)
        except translate.Untranslated as missing:
            raise PluginError(
                f"sitegen: {at}: examples/{directive.file}#{directive.cell} printed {missing.text!r}, "
                f"which has no {missing.language} translation in docs/{translate.FILE_NAME}"
            ) from None

    source = markdown
    markdown = render.LOOKS_LIKE_DIRECTIVE.sub(replace, source)
    book.prose(source[done:])
    page_ipynb = None
    if book.has_code:
        path = PurePosixPath(page.file.dest_uri).parent / (PurePosixPath(page.file.src_uri).stem + ".ipynb")
        state.page_notebooks[str(path)] = book.dumps()
        page_ipynb = mkdocs_utils.get_relative_url(str(path), page.url)
    # The glossary states the domain every rule is stated for; a site without one (the glue's tests) links nothing.
    has_conventions = (Path(config.docs_dir) / render.CONVENTIONS_PAGE).is_file()
    notes = [render.conventions(language)] if used and has_conventions else []
    notes += [
        render.provenance(state.results[name], page.url, language, page_ipynb) for name in used if name in state.results
    ]
    notes += [
        render.record_provenance(
            state.recorded[name], f"examples/{name}", state.results[name].environment["torch"], language
        )
        for name in used
        if name in state.recorded and name in state.results
    ]
    return "\n\n".join([markdown, *notes])


def add_to_notebook(
    book: notebook.PageNotebook, state: State, directive: render.Directive, result, source: str, language: str
) -> None:
    """The cell as the page shows it: printed text in the page's language, its figures (a switch: the first)."""
    stdout = render.printed_text(directive, result.stdout, language, state.translations)
    figures = result.figures[:1] if directive.figures == "switch" else result.figures
    folder = cache.result_dir(state.cache_root, state.scripts[directive.file].path)
    book.code(source, stdout, [folder / f.files[language] for f in figures])


def missing_links(site: Path, base_path: str) -> list[str]:
    """Every local ``src``/``href`` in the built pages that points at no file, as 'page: url'."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html" and page.parent == site:  # served at any depth; its links start at the root
            continue
        for url in LINKED.findall(page.read_text(encoding="utf-8", errors="replace")):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = unquote(parts.path)
            if path.startswith("/"):
                target = site / path.removeprefix(base_path).lstrip("/")
            else:
                target = page.parent / path
            if path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{page.relative_to(site).as_posix()}: {url}")
    return problems


def warnings_so_far() -> int:
    return sum(
        n for h in logging.getLogger("mkdocs").handlers if isinstance(h, mkdocs_utils.CountHandler)
        for _, n in h.get_counts()
    )  # fmt: skip


@event_priority(-200)  # after mkdocs-static-i18n's (-100), which builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    """Once the last language is built: copy figures and notebooks, check links, publish the site."""
    state: State = config[STATE]
    state.post_builds += 1
    if state.post_builds < built_languages(config):
        return
    target_root = state.partial / render.ASSETS
    with cache.locked(state.cache_root, shared=True) if state.results else contextlib.nullcontext():
        for name in state.results:
            source = cache.result_dir(state.cache_root, state.scripts[name].path)
            shutil.copytree(source, target_root / source.name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(cache.RESULT_FILE, cache.NOTEBOOK_KEY_FILE))  # fmt: skip
            shutil.copy2(state.scripts[name].path, target_root / source.name / name)  # the .py a page offers
    for path, text in state.page_notebooks.items():
        (state.partial / path).write_text(text, encoding="utf-8")
    missing = missing_links(state.partial, urlsplit(config.site_url or "/").path)
    if missing:
        raise PluginError("sitegen: links to files the site does not have:\n  " + "\n  ".join(missing[:50]))
    if config.strict and warnings_so_far():
        return  # mkdocs aborts next; on_build_error removes the partial site
    old = state.site.parent / f".{state.site.name}.old-{os.getpid()}"
    if state.site.exists():
        state.site.rename(old)
    state.partial.rename(state.site)
    PARTIALS.remove(state.partial)
    shutil.rmtree(old, ignore_errors=True)
    config.site_dir = str(state.site)


def on_build_error(error: Exception) -> None:
    """Keep the previous site: drop this build's partial one."""
    while PARTIALS:
        shutil.rmtree(PARTIALS.pop(), ignore_errors=True)


def on_serve(server, config: MkDocsConfig, builder):
    """Rebuild when an example or the glue changes, not only the docs."""
    root = Path(config.config_file_path).resolve().parent
    server.watch(str(root / "examples"))
    server.watch(str(Path(__file__).resolve().parent))
    return server
