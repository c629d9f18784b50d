"""Printed output and figure text in the page's language: ``docs/translations.yml`` and its rules.

The examples print and draw in English. The file maps, per language, each English text to
its translation, and lists the words that read the same in every language (``neutral``:
names of libraries, modes and units). An entry may be a template: ``{name}`` stands for
any text, which is translated in turn (so ``"{op} in {layout}"`` nests) and put where
the translation has ``{name}``. An exact entry wins over a template, and of two templates
the one with more fixed text wins.

A text *needs* translation when it holds an English word that is not neutral: not in
the list, not part of an identifier (a token with ``_ . ( = [ / <`` or a digit), not an
acronym, not CamelCase, not a single letter; code spans and mathtext do not count. Such
a text without an entry raises :class:`Untranslated`, which the build turns into an
error naming the example, the cell and the text: no English reaches a page in another
language unnoticed, and a text that needs none (a shape, a number) needs no entry.

Examples listed under ``pending`` print in English on every page, with a notice that
says so: a way to land an example before its translation, never silently.

The units translated are: one figure text; one line of plain printed output; one line,
or one table cell, of printed Markdown.

``python -m sitegen.translate`` lists every unit the cached results hold that has no
translation yet, per example and cell: the translator's to-do list. With ``--unused`` it
lists the entries that translate nothing the cached results show: candidates to delete
when an example's output changed. Not every one is dead: output that only a GPU build or
another measured outcome prints is listed too, so no test requires the list to be empty.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FILE_NAME = "translations.yml"
NEUTRAL_KEY = "neutral"
PENDING_KEY = "pending"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Chinese characters and full-width punctuation separate words as spaces do: "nearest-exact：偏移".
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
CODE_SPAN = re.compile(r"`[^`]*`|\$[^$]*\$|https?://\S+|\{\w+\}")  # code, math, links, placeholders
# A token is code, a number or a path when it has one of these inside, or a name directly
# followed by a bracket (a call or an index): ``tensor([[``, ``x.clone()``, ``2x``, ``GB/s``.
IDENTIFIER = re.compile(r"[_.=/<>0-9@#\\]|[A-Za-z][(\[]")
CAMEL_CASE = re.compile(r"[A-Z]?[a-z]+(?:[A-Z][a-z0-9]*)+|[A-Z][a-z]*[A-Z]\w*")
SENTENCE_PUNCTUATION = ",;:!?\"'“”‘’*|…-+×~，。：；！？、"
BRACKETS = "()[]{}（）【】《》"
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# A Markdown table row's parts: code spans (whose pipes are text, as Python-Markdown's tables
# extension reads them), escaped pipes, cell borders, and anything else.
ROW_PART = re.compile(r"(`+).*?\1|\\\||\||[^`\\|]+|.")
TABLE_RULE = re.compile(r"^\s*\|(?:\s*:?-+:?\s*\|)+\s*$")


class Untranslated(Exception):
    """A text that needs a translation into ``language`` and has none."""

    def __init__(self, text: str, language: str) -> None:
        super().__init__(f"no {language} translation of {text!r} in docs/{FILE_NAME}")
        self.text = text
        self.language = language


@dataclass
class Translations:
    """The translation tables per language and the words every language shares."""

    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    neutral: frozenset[str] = frozenset()
    # Examples whose printed output is not translated yet: shown in English with a notice.
    pending: frozenset[str] = frozenset()
    templates: dict[str, list[tuple[re.Pattern[str], str, str]]] = field(init=False)
    # The English keys that translated something in this process, per language (see `unused`).
    used: dict[str, set[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.templates = {language: compile_templates(table) for language, table in self.tables.items()}
        self.used = {language: set() for language in self.tables}

    @classmethod
    def load(cls, path: Path) -> Translations:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping of languages, '{NEUTRAL_KEY}' and '{PENDING_KEY}'")
        neutral = data.pop(NEUTRAL_KEY, None) or []
        pending = data.pop(PENDING_KEY, None) or []
        for language, table in data.items():
            if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
                raise ValueError(f"{path}: '{language}' must map English text to translated text")
            for english, translated in table.items():
                if set(PLACEHOLDER.findall(english)) != set(PLACEHOLDER.findall(translated)):
                    raise ValueError(f"{path}: {language} entry {english!r} and its translation name different {{}}")
        tables = {lang: {str(k): v for k, v in t.items()} for lang, t in data.items()}
        return cls(tables, frozenset(map(str, neutral)), frozenset(map(str, pending)))

    def english_words(self, text: str) -> list[str]:
        """The words of ``text`` that are English prose: what makes it need a translation."""
        words = []
        for token in CJK.sub(" ", CODE_SPAN.sub(" ", text)).split():
            core = token.strip(SENTENCE_PUNCTUATION).rstrip(".")  # a leading dot is code: .repeat
            if not re.search("[A-Za-z]", core) or IDENTIFIER.search(core):
                continue
            core = core.strip(BRACKETS + SENTENCE_PUNCTUATION + ".")
            if core in self.neutral:
                continue
            for word in re.findall(r"[A-Za-z]+(?:'[a-z]+)?", core):
                if not (len(word) == 1 or word.isupper() or CAMEL_CASE.fullmatch(word) or word in self.neutral):
                    words.append(word)
        return words

    def needs(self, text: str) -> bool:
        return bool(self.english_words(text))

    def translate(self, text: str, language: str) -> str:
        """``text`` in ``language``; a text that needs no translation comes back as it is."""
        table = self.tables.get(language)
        if table is None:  # the default language, or one with no table: the English original
            return text
        if text in table:
            self.used[language].add(text)
            return table[text]
        if not self.needs(text):  # a template must not split text that reads the same in every language
            return text
        for pattern, english, template in self.templates[language]:
            match = pattern.fullmatch(text)
            if match:
                values = {name: self.translate(value, language) for name, value in match.groupdict().items()}
                self.used[language].add(english)
                return template.format(**values)
        raise Untranslated(text, language)

    def translate_or_none(self, text: str, language: str) -> str | None:
        """The translation, or None where the text stays as it is (needs none, or has none)."""
        try:
            translated = self.translate(text, language)
        except Untranslated:
            return None
        return None if translated == text else translated


def compile_templates(table: dict[str, str]) -> list[tuple[re.Pattern[str], str, str]]:
    """The template entries as (pattern, English, translation), ``{name}`` a named group, the most specific first."""
    entries = [(k, v) for k, v in table.items() if PLACEHOLDER.search(k)]
    entries.sort(key=lambda kv: -len(PLACEHOLDER.sub("", kv[0])))
    compiled = []
    for english, translated in entries:
        parts = PLACEHOLDER.split(english)  # literal, name, literal, name, ...
        regex = "".join(
            rf"(?P<{part}>.+?)" if i % 2 else r"\s+".join(map(re.escape, part.split(" ")))
            for i, part in enumerate(parts)
        )
        compiled.append((re.compile(regex, re.DOTALL), english, translated))
    return compiled


def map_units(text: str, markdown: bool, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to each unit: a line, or (``markdown``) a table cell."""
    lines = []
    for line in text.split("\n"):
        if TABLE_RULE.match(line) or not line.strip():
            lines.append(line)
        elif markdown and TABLE_ROW.match(line):
            cells = split_cells(line.strip()[1:-1])
            lines.append("| " + " | ".join(change(c.strip()) for c in cells) + " |")
        else:
            lines.append(line[: len(line) - len(line.lstrip())] + change(line.strip()))
    return "\n".join(lines)


def split_cells(row: str) -> list[str]:
    """A table row (outer pipes removed) split at its cell borders: not ``\\|``, not a pipe inside code."""
    cells = [""]
    for match in ROW_PART.finditer(row):
        if match.group(0) == "|":
            cells.append("")
        else:
            cells[-1] += match.group(0)
    return cells


def units(text: str, markdown: bool) -> list[str]:
    found: list[str] = []
    map_units(text, markdown, lambda unit: found.append(unit) or unit)
    return found


def translate_output(translations: Translations, text: str, language: str, markdown: bool) -> str:
    """Printed output in ``language``, unit by unit; raises :class:`Untranslated`."""
    return map_units(text, markdown, lambda unit: translations.translate(unit, language))


def shown_texts(cache_root: Path, language: str) -> Iterator[tuple[str, str, str]]:
    """Each (example, cell, text) a build shows in ``language``: printed units and figure texts.

    It reads the cached results and the current entries of the committed GPU record (whose tabs
    are translated too; a stale entry is shown as it was recorded).
    """
    from sitegen import record

    for path in sorted(cache_root.glob("*/result.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for cell, result in data["cells"].items():
            yield from ((data["example"], cell, text) for text in units(result["stdout"], markdown=True))
        yield from ((data["example"], "(figures)", text) for text in data.get("figure_text", {}).get(language, {}))
    run = record.load()
    for name, entry in run.examples.items() if run else []:
        if run.is_current(record.ROOT / "examples" / name):
            for cell, stdout in entry.cells.items():
                yield from ((f"examples/{name}", f"{cell} (GPU record)", t) for t in units(stdout, markdown=True))


def missing(translations: Translations, cache_root: Path, language: str) -> dict[str, dict[str, list[str]]]:
    """Per example and cell, the texts a build shows without a ``language`` translation."""
    found: dict[str, dict[str, list[str]]] = {}
    for example, cell, text in shown_texts(cache_root, language):
        if text and translations.translate_or_none(text, language) is None and translations.needs(text):
            found.setdefault(example, {}).setdefault(cell, []).append(text)
    return found


def unused(translations: Translations, cache_root: Path, language: str) -> list[str]:
    """The ``language`` entries that translate nothing a build shows: left behind when output changed."""
    for _, _, text in shown_texts(cache_root, language):
        translations.translate_or_none(text, language)
    return [english for english in translations.tables.get(language, {}) if english not in translations.used[language]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List printed output and figure text with no translation yet.")
    parser.add_argument("--language", default="zh")
    parser.add_argument("--cache", type=Path, default=Path(".cache/sitegen"))
    parser.add_argument("--file", type=Path, default=Path("docs") / FILE_NAME)
    parser.add_argument("--unused", action="store_true", help="list the entries that translate nothing instead")
    parser.add_argument("examples", nargs="*", help="only these, e.g. examples/aliasing.py")
    args = parser.parse_args(argv)
    translations = Translations.load(args.file)
    if args.unused:
        stale = unused(translations, args.cache, args.language)
        print("\n".join(stale))
        return 1 if stale else 0
    todo = missing(translations, args.cache, args.language)
    todo = {k: v for k, v in todo.items() if not args.examples or k in args.examples}
    for example, cells in todo.items():
        for cell, texts in cells.items():
            for text in dict.fromkeys(texts):
                print(f"{example}#{cell}: {text}")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())
