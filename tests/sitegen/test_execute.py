"""sitegen.execute in-process: what a cell may not do, and how the failure is named (R1, R5, R9, R10, R12)."""

from __future__ import annotations

import pytest

from sitegen import execute
from sitegen.cells import parse_script
from sitegen.translate import Translations


@pytest.fixture(scope="module", autouse=True)
def fonts():
    execute.register_cjk_font()


def script(tmp_path, body: str):
    path = tmp_path / "examples" / "ex.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text('"""Ex."""\n\n# %% setup\nimport matplotlib.pyplot as plt\n\n' + body, encoding="utf-8")
    parsed = parse_script(path)
    execute.reset_state(parsed)
    return parsed


def fails(tmp_path, body: str, **options) -> str:
    with pytest.raises(execute.ExampleError) as info:
        execute.run_cells(script(tmp_path, body), **options)
    return str(info.value)


def test_cells_return_stdout_per_cell_without_saving_figures(tmp_path):
    cells = execute.run_cells(script(tmp_path, '# %% a\nprint("one")\nplt.plot([1])\n\n# %% b\nprint("two")\n'))
    assert {name: (c.stdout, c.figures) for name, c in cells.items()} == {
        "setup": ("", []), "a": ("one\n", []), "b": ("two\n", [])
    }  # fmt: skip


def test_an_exception_names_file_line_cell_and_the_traceback_is_the_examples(tmp_path, capsys):
    message = fails(tmp_path, "# %% boom\ny = 2\nz = 1 / 0\n")
    assert message == "examples/ex.py:8 (cell 'boom'): ZeroDivisionError: division by zero"
    printed = capsys.readouterr().err
    assert 'ex.py", line 8' in printed and "sitegen" not in printed


def test_sys_exit_is_a_failure_and_ctrl_c_is_not(tmp_path):
    assert "(cell 'stop'): SystemExit: 0" in fails(tmp_path, "# %% stop\nraise SystemExit(0)\n")
    with pytest.raises(KeyboardInterrupt):
        execute.run_cells(script(tmp_path, "# %% stop\nraise KeyboardInterrupt\n"))


def test_a_cell_that_runs_too_long_is_stopped_naming_line_and_cell(tmp_path):
    # `except Exception` in the example must not swallow the time limit.
    body = (
        "# %% hang\nimport time\nwhile True:\n    try:\n        time.sleep(10)\n    except Exception:\n        pass\n"
    )
    message = fails(tmp_path, body, timeout=0.5)
    assert message.startswith("examples/ex.py:") and "(cell 'hang'): timed out after 0.5 s (SITEGEN_TIMEOUT)" in message


def test_printing_too_much_fails_naming_the_example_and_cell(tmp_path):
    body = '# %% small\nprint("x" * 400)\n\n# %% loud\nfor _ in range(10**9):\n    print("y" * 100)\n'
    message = fails(tmp_path, body, max_output=1000)
    assert (
        "examples/ex.py:" in message and "(cell 'loud'): printed more than 1000 bytes (SITEGEN_MAX_OUTPUT)" in message
    )


@pytest.mark.parametrize("title", ["\u0f00 title", "$x_\u0f00$"], ids=["text", "mathtext"])
def test_a_missing_glyph_names_the_figure_text(tmp_path, title):
    saver = execute.figure_saver(tmp_path, Translations(), ["en"], {})
    message = fails(tmp_path, f"# %% draw\nplt.title({title!r})\nplt.tight_layout()\n", save_figures=saver)
    assert f"(cell 'draw'): figure text {title!r} has a glyph missing from the fonts" in message
    assert "U+0F00" in message


def test_a_missing_glyph_drawn_only_at_saving_time_names_the_figure_text(tmp_path):
    saver = execute.figure_saver(tmp_path, Translations(), ["en"], {})
    message = fails(tmp_path, '# %% draw\nplt.xlabel("$\\\\alpha$ \u0f00")\n', save_figures=saver)
    assert "(cell 'draw'): figure text '$\\\\alpha$ \u0f00' has a glyph missing" in message


def test_a_missing_glyph_in_a_translation_names_the_labels_file_and_language(tmp_path):
    saver = execute.figure_saver(tmp_path, Translations({"zh": {"value": "数值 \u0f00"}}), ["en", "zh"], {})
    message = fails(tmp_path, '# %% draw\nplt.title("value")\n', save_figures=saver)
    assert (
        "(cell 'draw'): figure text '数值 \u0f00' (the zh translation of 'value' in docs/translations.yml)" in message
    )


def test_translated_figures_are_saved_per_language(tmp_path):
    used: dict = {}
    saver = execute.figure_saver(tmp_path, Translations({"zh": {"value": "数值"}}), ["en", "zh"], used)
    cells = execute.run_cells(script(tmp_path, '# %% draw\nplt.title("value")\n'), save_figures=saver)
    assert cells["draw"].figures[0].files == {"en": "draw-1.en.png", "zh": "draw-1.zh.png"}
    assert used["zh"]["value"] == "数值" and (tmp_path / "draw-1.zh.png").is_file()


def test_the_cell_runner_imports_without_notebook_or_mkdocs_packages():
    """sitegen.record runs examples on a machine without nbformat or mkdocs-jupyter."""
    import subprocess
    import sys

    check = "import sys, sitegen.execute; print(sorted(m for m in ('nbformat', 'mkdocs_jupyter', 'mkdocs', 'torch') if m in sys.modules))"
    completed = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "[]"
