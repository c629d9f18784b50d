"""sitegen.cache: a key changes whenever something the results depend on changes."""

from sitegen.cache import cache_key

LANGS = ["en", "zh"]


def test_key_follows_the_example_and_its_local_imports(tmp_path):
    example = tmp_path / "ex.py"
    helper = tmp_path / "_helper.py"
    example.write_text("import _helper\n# %% a\nprint(_helper.X)\n")
    helper.write_text("X = 1\n")
    first = cache_key(example, LANGS)
    assert cache_key(example, LANGS) == first

    helper.write_text("X = 2\n")
    second = cache_key(example, LANGS)
    assert second != first

    example.write_text("import _helper\n# %% a\nprint(_helper.X + 1)\n")
    assert cache_key(example, LANGS) != second


def test_key_follows_the_device(tmp_path, monkeypatch):
    import sitegen.cache

    example = tmp_path / "ex.py"
    example.write_text("# %% a\n1\n")
    cpu = cache_key(example, LANGS)
    monkeypatch.setattr(sitegen.cache, "predicted_device", lambda: "cuda: NVIDIA H100")
    assert cache_key(example, LANGS) != cpu


def test_a_result_is_stale_when_a_translation_it_used_changes():
    from sitegen.cache import CellResult, Result, translations_current
    from sitegen.translate import Translations

    result = Result("examples/a.py", "k", 0.1, {}, {"c": CellResult("")}, {"zh": {"value": "数值", "x": None}})
    assert translations_current(result, Translations({"zh": {"value": "数值", "other": "其他"}}))
    assert not translations_current(result, Translations({"zh": {"value": "值"}}))
    assert not translations_current(result, Translations({"zh": {"value": "数值", "x": "横轴"}}))
