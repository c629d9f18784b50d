"""docs/translations.yml holds together: it runs nothing and reads no cache, only the file.

Each template names the same placeholders in English and in translation (Translations.load
checks that), no key is written twice (YAML would silently keep the last one), no translated
text still holds an English word outside code, and every pending example exists.
"""

from __future__ import annotations

import re

import pytest
import yaml

from helpers import ROOT
from sitegen.translate import FILE_NAME, PLACEHOLDER, Translations

PATH = ROOT / "docs" / FILE_NAME


class DuplicateKey(ValueError):
    pass


class UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a mapping with the same key twice."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateKey(f"line {key_node.start_mark.line + 1}: {key!r} is written twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_unique(text: str):
    return yaml.load(text, Loader=UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass


def english_left(translations: Translations, value: str) -> list[str]:
    """The English words of a translated value, its placeholders left out.

    Chinese text and punctuation separate words as spaces do (``，nearest-exact`` is the
    neutral name, not the word "exact").
    """
    return translations.english_words(re.sub(r"[^\x00-\x7f]", " ", PLACEHOLDER.sub(" ", value)))


@pytest.fixture(scope="module")
def translations() -> Translations:
    return Translations.load(PATH)


def test_no_key_is_written_twice():
    load_unique(PATH.read_text(encoding="utf-8"))


def test_the_duplicate_check_finds_a_duplicate():
    with pytest.raises(DuplicateKey, match="'a' is written twice"):
        load_unique('zh:\n  "a": "甲"\n  "b": "乙"\n  "a": "丙"\n')
    assert load_unique('zh:\n  "a": "甲"\n  "b": "乙"\n') == {"zh": {"a": "甲", "b": "乙"}}


@pytest.mark.parametrize("language", ["zh"])
def test_no_translation_keeps_an_english_word(translations, language):
    found = {
        english: words
        for english, value in translations.tables[language].items()
        if (words := english_left(translations, value))
    }
    assert not found, "\n".join(f"{english!r}: {words}" for english, words in found.items())


def test_the_english_check_spares_code_and_placeholders_and_finds_prose(translations):
    assert english_left(translations, "{op}（斜率 {slope}）") == []
    assert english_left(translations, "警告：`UserWarning: x is deprecated`") == []
    assert english_left(translations, "最大差 {difference}（float32 的 eps 为 {eps}）") == []
    assert english_left(translations, "最大差 (largest difference)") == ["largest", "difference"]
    assert english_left(translations, "{sizes}：nearest 取 {a}，nearest-exact 取 {b}") == []


def test_pending_examples_exist(translations):
    missing = [name for name in translations.pending if not (ROOT / "examples" / name).is_file()]
    assert not missing
