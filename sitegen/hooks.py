"""MkDocs hook: run the examples once per build and embed their cells into both languages' pages.

mkdocs-static-i18n builds the site once per language with the same config object, so
the examples are resolved once per config (in ``on_config``) and reused by every
language's pages. Settings, all optional, come from the environment:

- ``SITEGEN_EXECUTE=0``: run nothing and load nothing; pages show code and a notice.
- ``SITEGEN_FORCE=1``: re-run every example even when its cached result is current.
- ``SITEGEN_CACHE_DIR``: where results are kept (default ``.cache/sitegen``).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# MkDocs loads this file by path; make the package beside it importable however mkdocs was started.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from sitegen import cache, record, render  # noqa: E402
from sitegen.cells import CellError, Script, parse_script  # noqa: E402

log = logging.getLogger("mkdocs.plugins.sitegen")
STATE = "_sitegen_state"
LABELS_FILE = "figure-labels.yml"


@dataclass
class State:
    """What one build knows about the examples, shared by all its language builds."""

    root: Path
    cache_root: Path
    scripts: dict[str, Script] = field(default_factory=dict)
    results: dict[str, cache.Result] = field(default_factory=dict)
    # The run recorded on a GPU machine, per example (see sitegen.record).
    recorded: dict[str, render.Recorded] = field(default_factory=dict)


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
            raise PluginError(f"sitegen: {error}") from error
    return scripts


def run_worker(state: State, stale: dict[str, str], labels: Path, langs: list[str]) -> None:
    """Run the stale examples in one fresh interpreter; raise naming each failure."""
    state.cache_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        errors_file = Path(tmp) / "errors.json"
        command = [
            sys.executable, "-m", "sitegen.execute", "--cache", str(state.cache_root), "--labels", str(labels),
            "--languages", ",".join(langs), "--errors", str(errors_file),
            *(f"{state.root / 'examples' / name}={key}" for name, key in stale.items()),
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(state.root), os.environ.get("PYTHONPATH")]))}
        completed = subprocess.run(command, cwd=state.root, env=env, check=False)
        errors = json.loads(errors_file.read_text(encoding="utf-8")) if errors_file.is_file() else []
    if errors:
        raise PluginError("sitegen: example failed:\n  " + "\n  ".join(errors))
    if completed.returncode != 0:
        raise PluginError(f"sitegen: the example worker exited with status {completed.returncode}")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if STATE in config:
        return config
    root = Path(config.config_file_path).resolve().parent
    cache_root = Path(os.environ.get("SITEGEN_CACHE_DIR", root / ".cache" / "sitegen")).resolve()
    state = State(root=root, cache_root=cache_root, scripts=discover(root / "examples"))
    state.recorded = load_recorded(state.scripts)
    config[STATE] = state
    if os.environ.get("SITEGEN_EXECUTE", "1") == "0":
        log.info("sitegen: SITEGEN_EXECUTE=0, examples are neither run nor loaded")
        return config

    labels = Path(config.docs_dir) / LABELS_FILE
    translations = yaml.safe_load(labels.read_text(encoding="utf-8")) or {}
    force = os.environ.get("SITEGEN_FORCE", "0") == "1"
    keys = {name: cache.cache_key(s.path, []) for name, s in state.scripts.items() if not is_helper(name)}
    for name, key in keys.items():
        result = None if force else cache.load(cache_root, state.scripts[name].path, key)
        if result and cache.translations_current(result, translations):
            state.results[name] = result
    stale = {name: key for name, key in keys.items() if name not in state.results}
    if stale:
        started = time.perf_counter()
        run_worker(state, stale, labels, languages(config))
        log.info(f"sitegen: ran {len(stale)} example(s) in one process in {time.perf_counter() - started:.2f} s")
    for name, key in keys.items():
        result = state.results.get(name) or cache.load(cache_root, state.scripts[name].path, key)
        if result is None:
            raise PluginError(f"sitegen: examples/{name} produced no result")
        state.results[name] = result
        status = "cache miss, ran" if name in stale else "cache hit, ran earlier"
        log.info(f"sitegen: examples/{name}: {status} in {result.seconds:.2f} s")
    return config


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


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace each ``::: example`` line with the cell's code, output and figures."""
    state: State = config[STATE]
    language = config.theme["language"]
    used: list[str] = []

    def replace(match):
        where = f"docs/{page.file.src_uri}"
        try:
            directive = render.Directive.parse(match)
            script = state.scripts[directive.file] if directive.file in state.scripts else None
            if script is None:
                raise KeyError(f"no example examples/{directive.file}")
            cell = script.cell(directive.cell)
        except (KeyError, ValueError) as error:
            raise PluginError(f"sitegen: {where}: '{match.group(0).strip()}': {error}") from error
        if is_helper(directive.file):  # its code runs inside the examples that import it
            return render.code_block(directive, cell) + "\n"
        if directive.file not in used:
            used.append(directive.file)
        recorded = state.recorded.get(directive.file)
        return render.embed(directive, cell, state.results.get(directive.file), page.url, language, recorded)

    markdown = render.DIRECTIVE.sub(replace, markdown)
    notes = [render.provenance(state.results[name], page.url, language) for name in used if name in state.results]
    notes += [
        render.record_provenance(state.recorded[name], f"examples/{name}", state.results[name].environment["torch"], language)
        for name in used
        if name in state.recorded and name in state.results
    ]
    return "\n\n".join([markdown, *notes])


def on_post_build(config: MkDocsConfig) -> None:
    """Copy figures and notebooks next to the pages (once per build; every language links here)."""
    state: State = config[STATE]
    target_root = Path(config.site_dir) / render.ASSETS
    for name, result in state.results.items():
        source = cache.result_dir(state.cache_root, state.scripts[name].path)
        shutil.copytree(source, target_root / source.name, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(cache.RESULT_FILE))  # fmt: skip


def on_serve(server, config: MkDocsConfig, builder):
    """Rebuild when an example or the glue changes, not only the docs."""
    root = Path(config.config_file_path).resolve().parent
    server.watch(str(root / "examples"))
    server.watch(str(root / "sitegen"))
    return server
