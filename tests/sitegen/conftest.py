"""A one-page fixture project built in-process: a tiny example, a page per language, the real hook."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import ROOT

CONFIG = f"""site_name: Fixture
site_url: http://127.0.0.1:8000/
docs_dir: docs
strict: true
theme: {{name: mkdocs}}
exclude_docs: |
  translations.yml
hooks:
  - {ROOT / "sitegen" / "hooks.py"}
nav:
  - Page: index.md
plugins:
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
        - {{locale: en, default: true, name: English, build: true}}
        - {{locale: zh, name: 中文, build: true}}
markdown_extensions: [admonition, attr_list, md_in_html, tables, pymdownx.details, pymdownx.superfences]
"""
EXAMPLE = '''"""A tiny example."""

# %% setup
import matplotlib.pyplot as plt

# %% show
print("| a |\\n|---|\\n| 1 |")
plt.plot([0, 1])
plt.title("value")
'''


@dataclass
class Built:
    ok: bool
    log: str
    site: Path


class Project:
    """A scratch project: ``write`` files, then ``build`` it with the real hook, in this process."""

    def __init__(self, root: Path, caplog) -> None:
        self.root = root
        self.caplog = caplog
        self.write("mkdocs.yml", CONFIG)
        self.write("docs/translations.yml", 'zh:\n  "value": "数值"\n')
        self.write("examples/tiny.py", EXAMPLE)
        self.page("# P\n\n::: example tiny.py#show output=markdown\n")

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def page(self, body: str, body_zh: str | None = None) -> None:
        self.write("docs/index.md", body)
        self.write("docs/index.zh.md", body if body_zh is None else body_zh)

    @property
    def cache(self) -> Path:
        return self.root / ".cache" / "sitegen"

    def build(self, **env: str) -> Built:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort

        site = self.root / "site"
        with pytest.MonkeyPatch.context() as patch:
            for name, value in env.items():
                patch.setenv(name, value)
            self.caplog.clear()
            with self.caplog.at_level(logging.INFO):
                try:
                    build(load_config(str(self.root / "mkdocs.yml"), site_dir=str(site)))
                    ok = True
                except Abort as abort:
                    logging.getLogger("mkdocs").error(str(abort))
                    ok = False
        return Built(ok, self.caplog.text, site)


@pytest.fixture(scope="session")
def warm_cache(tmp_path_factory) -> Path:
    """The fixture project's cache after one build, so most tests start warm."""
    root = tmp_path_factory.mktemp("warm")
    built = Project(root, _LogCapture()).build()
    assert built.ok, built.log
    return root / ".cache" / "sitegen"


@pytest.fixture
def project(tmp_path, caplog, warm_cache) -> Project:
    made = Project(tmp_path / "project", caplog)
    shutil.copytree(warm_cache, made.cache)
    return made


class _LogCapture:
    """caplog's interface where no caplog exists (session fixtures)."""

    def __init__(self) -> None:
        self.handler = logging.Handler()
        self.records: list[str] = []
        self.handler.emit = lambda record: self.records.append(record.getMessage())

    @property
    def text(self) -> str:
        return "\n".join(self.records)

    def clear(self) -> None:
        self.records.clear()

    def at_level(self, level):
        import contextlib

        @contextlib.contextmanager
        def attached():
            root = logging.getLogger()
            old = root.level
            root.addHandler(self.handler)
            root.setLevel(level)
            try:
                yield
            finally:
                root.removeHandler(self.handler)
                root.setLevel(old)

        return attached()
