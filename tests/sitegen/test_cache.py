"""sitegen.cache: a key changes whenever something the results depend on changes."""

from sitegen.cache import cache_key


def test_key_follows_the_example_its_local_imports_and_extra_inputs(tmp_path):
    example = tmp_path / "ex.py"
    helper = tmp_path / "_helper.py"
    labels = tmp_path / "labels.yml"
    example.write_text("import _helper\n# %% a\nprint(_helper.X)\n")
    helper.write_text("X = 1\n")
    labels.write_text("zh: {}\n")
    first = cache_key(example, [labels])
    assert cache_key(example, [labels]) == first

    helper.write_text("X = 2\n")
    second = cache_key(example, [labels])
    assert second != first

    labels.write_text("zh: {a: b}\n")
    third = cache_key(example, [labels])
    assert third != second

    example.write_text("import _helper\n# %% a\nprint(_helper.X + 1)\n")
    assert cache_key(example, [labels]) != third


def test_key_follows_the_device(tmp_path, monkeypatch):
    import sitegen.cache

    example = tmp_path / "ex.py"
    example.write_text("# %% a\n1\n")
    cpu = cache_key(example, [])
    monkeypatch.setattr(sitegen.cache, "predicted_device", lambda: "cuda: NVIDIA H100")
    assert cache_key(example, []) != cpu


def test_a_result_is_stale_when_a_translation_it_used_changes():
    from sitegen.cache import CellResult, Result, translations_current

    result = Result("examples/a.py", "k", 0.1, {}, {"c": CellResult("", 0.1)}, {"zh": {"value": "数值", "x": None}})
    assert translations_current(result, {"zh": {"value": "数值", "other": "其他"}})
    assert not translations_current(result, {"zh": {"value": "值"}})
    assert not translations_current(result, {"zh": {"value": "数值", "x": "横轴"}})
