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


def test_key_covers_every_sitegen_module_the_worker_imports():
    # Review 102: sitegen/environment.py (the CPU model in each page's note, the device, package versions) was
    # imported by the worker but missing from its sources, so a change there left stored results in place
    import ast
    from pathlib import Path

    import sitegen.cache

    root = Path(sitegen.cache.__file__).parent
    seen, todo = set(), ["execute.py"]
    while todo:
        name = todo.pop()
        seen.add(name)
        # module-level imports: a function-level one (translate.shown_texts reads the GPU record) serves other tools
        for node in ast.parse((root / name).read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sitegen"):
                modules = [node.module.split(".", 1)[1]] if "." in node.module else [a.name for a in node.names]
                todo += [f"{m}.py" for m in modules if f"{m}.py" not in seen and (root / f"{m}.py").exists()]
    assert seen <= set(sitegen.cache.WORKER_SOURCES), seen - set(sitegen.cache.WORKER_SOURCES)


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
